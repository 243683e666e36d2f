{{BANNER}}
`default_nettype none

// SAR sequencer of one converter (BITS bits, MSB first). Each step offers trial = code | bit
// to the comparator and keeps the bit if the comparator says level + bias >= reference. The
// code restarts after the last step; `c_hat` is the converted count (code << SHIFT) during
// the last step, ready to be accumulated at its edge.
module {{NAME}}_sar #(
  parameter integer BITS   = {{BITS}},    // ADC bits
  parameter integer BIT_W  = {{BIT_W}},   // bit index width
  parameter integer SHIFT  = {{SHIFT}},   // adc.lsb_shift
  parameter integer CHAT_W = {{CHAT_W}}   // BITS + SHIFT
) (
  input  wire              clk,
  input  wire              start,     // compute cycle: clear the code
  input  wire              step,      // a conversion step
  input  wire [BIT_W-1:0]  bit_idx,   // bit decided in this step
  input  wire              last,      // bit_idx == 0
  input  wire              decision,  // comparator output
  output wire [BITS-1:0]   trial,     // reference group enables
  output wire [CHAT_W-1:0] c_hat
);
  localparam integer ONE_I = 1;
  localparam [BITS-1:0] ONE_C = ONE_I[BITS-1:0];

  reg  [BITS-1:0] code_reg;
  wire [BITS-1:0] bit_mask = ONE_C << bit_idx;
  wire [BITS-1:0] code     = decision ? trial : code_reg;

  assign trial = code_reg | bit_mask;

  generate
    if (SHIFT == 0) begin : g_unit_lsb
      assign c_hat = code;
    end else begin : g_shifted_lsb
      assign c_hat = {code, {SHIFT{1'b0}}};
    end
  endgenerate

  always @(posedge clk) begin
    if (start || (step && last)) code_reg <= {BITS{1'b0}};
    else if (step) code_reg <= code;
  end
endmodule

`default_nettype wire
