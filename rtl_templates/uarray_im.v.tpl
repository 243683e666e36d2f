{{BANNER}}
`default_nettype none

// One in-memory uArray of one channel: 8T bit cells, a product line per row, and {{NCONV}}
// memory-immersed SAR converter(s) ({{CONV_MODE}}). The reference cells of each converter
// are in the neighbouring uArray of the same channel (segment s^1; a one-segment channel uses
// its own spare reference columns); their level is modelled inside the comparator.
module {{NAME}}_uarray_im #(
  parameter ID = 0  // channel*S + segment (simulation noise decorrelation)
) (
  input  wire                          clk,
  // element write (decoded to this channel and segment)
  input  wire                          wr_en,
  input  wire [{{COL_W}}-1:0]          wr_col,
  input  wire [{{M}}:0]                wr_elem,  // {sign, mag}
  // compute and conversion
  input  wire                          sample,   // compute cycle
  input  wire [{{L}}-1:0]              cl,       // column lines
  input  wire                          phase_a,  // weight planes (else the sign row)
{{ROW_PORT}}  input  wire                          step,
  input  wire [{{BIT_W}}-1:0]          bit_idx,
  input  wire                          last,
  output wire [{{NCONV}}*{{CHAT_W}}-1:0] c_hat     // converter i at [i*{{CHAT_W}} +: {{CHAT_W}}]
);
  wire [{{ROWS}}*{{L}}-1:0]       rows;
  wire [{{ROWS}}*{{COUNT_W}}-1:0] levels;

  {{NAME}}_bitcells_im u_cells (
    .clk(clk), .wr_en(wr_en), .wr_col(wr_col),
    .wr_bits({~wr_elem[{{M}}], wr_elem[{{M}}-1:0]}), .rows(rows)
  );

  genvar r, i;
  generate
    for (r = 0; r < {{ROWS}}; r = r + 1) begin : g_pl
      {{NAME}}_product_line #(.ID(ID*{{ROWS}} + r)) u_pl (
        .clk(clk), .sample(sample), .cells(rows[r*{{L}} +: {{L}}]), .cl(cl),
        .level(levels[r*{{COUNT_W}} +: {{COUNT_W}}])
      );
    end
    for (i = 0; i < {{NCONV}}; i = i + 1) begin : g_conv
      wire [{{COUNT_W}}-1:0] level_a;
      wire [{{COUNT_W}}-1:0] level;
      wire [{{BITS}}-1:0]    trial;
      wire                   decision;
{{LEVEL_SELECT}}
      assign level = phase_a ? level_a : levels[{{M}}*{{COUNT_W}} +: {{COUNT_W}}];
      {{NAME}}_comparator u_cmp (.level(level), .trial(trial), .decision(decision));
      {{NAME}}_sar u_sar (
        .clk(clk), .start(sample), .step(step), .bit_idx(bit_idx), .last(last),
        .decision(decision), .trial(trial), .c_hat(c_hat[i*{{CHAT_W}} +: {{CHAT_W}}])
      );
    end
  endgenerate
endmodule

`default_nettype wire
