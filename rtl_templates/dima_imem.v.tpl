{{BANNER}}
`default_nettype none

// DIMA instruction memory: P words of I_W bits, written through the program port, read at the
// task sequencer's pc. Reset loads the default program: word c < C is "dot of channel c,
// d = adc.lsb_shift, rdl none, dst c", the last bit set on word C-1; further words are 0.
// Word layout, LSB first: op[1:0], rdl[3:2], last[4], channel, d, dst, thr (core/dima_params.hpp).
module {{NAME}}_dima_imem #(
  parameter integer P    = {{P}},     // instruction words
  parameter integer PC_W = {{PC_W}},  // address width
  parameter integer I_W  = {{I_W}},   // word width
  parameter integer C    = {{C}},     // channels
  parameter integer CH_W = {{CH_W}},  // channel and dst field width
  parameter integer D_W  = {{D_W}},   // d field width
  parameter integer Y_W  = {{Y_W}},   // thr field width
  parameter integer D0   = {{D0}}     // adc.lsb_shift, the default program's d
) (
  input  wire            clk,
  input  wire            rst_n,
  input  wire            wr_en,    // program beat
  input  wire [PC_W-1:0] wr_addr,
  input  wire [I_W-1:0]  wr_data,
  input  wire [PC_W-1:0] pc,
  output reg  [I_W-1:0]  instr     // word at pc
);
  localparam [D_W-1:0] DV = D0[D_W-1:0];

  wire [P*I_W-1:0] words;

  genvar g;
  generate
    for (g = 0; g < P; g = g + 1) begin : g_word
      localparam integer    ADDR_I = g;
      localparam integer    CH_I   = (g < C) ? g : 0;
      localparam [PC_W-1:0] ADDR   = ADDR_I[PC_W-1:0];
      localparam [CH_W-1:0] CHV    = CH_I[CH_W-1:0];
      localparam [0:0]      LASTV  = (g == C - 1) ? 1'b1 : 1'b0;
      localparam [I_W-1:0]  DFLT   = (g < C) ? {{Y_W{1'b0}}, CHV, DV, CHV, LASTV, 4'b0000} : {I_W{1'b0}};
      reg [I_W-1:0] word_reg;
      always @(posedge clk or negedge rst_n) begin
        if (!rst_n) word_reg <= DFLT;
        else if (wr_en && wr_addr == ADDR) word_reg <= wr_data;
      end
      assign words[g*I_W +: I_W] = word_reg;
    end
  endgenerate

  integer i;
  always @* begin
    instr = words[0 +: I_W];
    for (i = 1; i < P; i = i + 1)
      if (pc == i[PC_W-1:0]) instr = words[i*I_W +: I_W];
  end
endmodule

`default_nettype wire
