{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the analog product line of one row. In a compute cycle
// the cells whose column line is high discharge it; the held level is the count of those
// cells, in count units (bit-exact: no noise).
module {{NAME}}_product_line (
  input  wire                   clk,
  input  wire                   sample,   // compute cycle: sample and hold the level
  input  wire [{{L}}-1:0]       cells,
  input  wire [{{L}}-1:0]       cl,       // column lines
  output wire [{{COUNT_W}}-1:0] level
);
  reg [{{COUNT_W}}-1:0] level_reg;
  reg [{{COUNT_W}}-1:0] sum;
  reg [{{COUNT_W}}-1:0] term;
  integer i;

  always @* begin
    sum = {{{COUNT_W}}{1'b0}};
    for (i = 0; i < {{L}}; i = i + 1) begin
      term    = {{{COUNT_W}}{1'b0}};
      term[0] = cells[i] & cl[i];
      sum     = sum + term;
    end
  end

  always @(posedge clk) begin
    if (sample) level_reg <= sum;
  end

  assign level = level_reg;
endmodule

`default_nettype wire
