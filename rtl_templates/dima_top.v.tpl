{{BANNER}}
`default_nettype none

// Top level of the DIMA macro (DESIGN.md sections 5 and 12): the section 5 ports plus the
// program port of the instruction memory. Per task: the functional read of one word row,
// BLP and CBLP in one compute cycle, one signed BITS-bit SAR conversion, the RDL. After reset
// the program is "dot of every channel in order", so y_data carries y_c of every channel.
module {{NAME}}_top #(
  parameter integer N      = {{N}},       // vector length
  parameter integer C      = {{C}},       // channels (word rows)
  parameter integer M      = {{M}},       // weight magnitude bits
  parameter integer NB     = {{NB}},      // input magnitude bits
  parameter integer Y_W    = {{Y_W}},     // output width, two's complement
  parameter integer CH_W   = {{CH_W}},    // wr_channel width
  parameter integer IDX_W  = {{IDX_W}},   // wr_index width
  parameter integer WR_W   = {{WR_W}},    // wr_data width
  parameter integer BITS   = {{BITS}},    // ADC bits (signed code)
  parameter integer BIT_W  = {{BIT_W}},   // SAR bit index width
  parameter integer LV_W   = {{LV_W}},    // analog level width
  parameter integer D_W    = {{D_W}},     // d field width
  parameter integer PC_W   = {{PC_W}},    // pr_addr width
  parameter integer I_W    = {{I_W}},     // instruction width
  parameter integer AT_D   = {{AT_D}},    // bit offset of d in an instruction
  parameter integer AT_DST = {{AT_DST}},  // bit offset of dst
  parameter integer AT_THR = {{AT_THR}}   // bit offset of thr
) (
{{PORTS}}
);
  localparam integer EW = NB + 1;  // input element width {sign, mag}

  // ---- sequencer, input and output registers ----
  wire              x_load, sample, conv, conv_last, pr_write;
  wire [BIT_W-1:0]  bit_idx;
  wire [PC_W-1:0]   pc;
  wire [N*EW-1:0]   x_reg;
  wire [C*Y_W-1:0]  y_comb;
  wire [I_W-1:0]    instr;

  {{NAME}}_dima_seq u_seq (
    .clk(clk), .rst_n(rst_n),
    .wr_valid(wr_valid), .wr_ready(wr_ready), .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data),
    .y_valid(y_valid), .y_ready(y_ready), .y_data(y_data),
    .pr_valid(pr_valid), .pr_ready(pr_ready), .pr_write(pr_write), .task_last(instr[4]),
    .x_reg(x_reg), .x_load(x_load), .sample(sample), .conv(conv), .bit_idx(bit_idx), .conv_last(conv_last),
    .pc(pc), .y_comb(y_comb)
  );

  // ---- instruction memory and the fields of the task at pc ----
  {{NAME}}_dima_imem u_imem (
    .clk(clk), .rst_n(rst_n), .wr_en(pr_write), .wr_addr(pr_addr), .wr_data(pr_data), .pc(pc), .instr(instr)
  );
  wire [1:0]      op      = instr[1:0];
  wire [1:0]      rdl     = instr[3:2];
  wire [CH_W-1:0] channel = instr[AT_D-1:5];
  wire [D_W-1:0]  d       = instr[AT_DST-1:AT_D];
  wire [CH_W-1:0] dst     = instr[AT_THR-1:AT_DST];
  wire [Y_W-1:0]  thr     = instr[I_W-1:AT_THR];

  // ---- word rows (element writes; Sw beats are accepted and ignored) ----
  wire              wr_fire = wr_valid && wr_ready;
  wire [N*(M+1)-1:0] cells;

  {{NAME}}_dima_array u_array (
    .clk(clk), .wr_en(wr_fire && !wr_sum), .wr_row(wr_channel), .wr_col(wr_index), .wr_elem(wr_data[M:0]),
    .rd_row(channel), .cells(cells)
  );
  generate
    if (WR_W > M + 1) begin : g_sw_ignored
      wire unused_wr_data = &{1'b0, wr_data[WR_W-1:M+1]};
    end
  endgenerate

  // ---- FR, BLP, CBLP (analog model), comparator, SAR ----
  wire signed [LV_W-1:0] level;
  wire [BITS-1:0]        trial, code_ob;
  wire                   decision;

  {{NAME}}_dima_analog u_analog (.clk(clk), .sample(sample), .op(op), .cells(cells), .x(x_reg), .level(level));
  {{NAME}}_dima_comparator u_cmp (.level(level), .trial(trial), .d(d), .decision(decision));
  {{NAME}}_sar u_sar (
    .clk(clk), .start(sample), .step(conv), .bit_idx(bit_idx), .last(conv_last),
    .decision(decision), .trial(trial), .c_hat(code_ob)
  );

  // ---- residual digital logic ----
  {{NAME}}_dima_rdl u_rdl (
    .clk(clk), .clear(x_load), .en(conv_last), .code_ob(code_ob), .rdl(rdl), .channel(channel), .d(d),
    .dst(dst), .thr(thr), .y(y_comb)
  );
endmodule

`default_nettype wire
