{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the comparator of the DIMA ADC. The trial code is offset
// binary (code = trial - 2^(BITS-1)); the reference is code << d LSBs, the level carries the
// rounding bias r = 2^(d-1) when ROUND and d > 0 (DESIGN.md section 12).
module {{NAME}}_dima_comparator #(
  parameter integer LV_W  = {{LV_W}},   // level width (FRAC fraction bits)
  parameter integer FRAC  = {{FRAC}},   // fraction bits of the level
  parameter integer BITS  = {{BITS}},   // ADC bits
  parameter integer D_W   = {{D_W}},    // LSB-shift width
  parameter integer ROUND = {{ROUND}},  // 1: adc.rounding "nearest"
  parameter integer CMP_W = {{CMP_W}}   // comparison width
) (
  input  wire signed [LV_W-1:0] level,
  input  wire [BITS-1:0]        trial,
  input  wire [D_W-1:0]         d,
  output wire                   decision  // level + r >= (trial - 2^(BITS-1)) << d
);
`ifndef SYNTHESIS
  localparam [CMP_W-1:0] ONE_C = {{(CMP_W-1){1'b0}}, 1'b1};

  reg signed [CMP_W-1:0] lhs, rhs, bias;
  always @* begin
    rhs = {CMP_W{1'b0}};
    rhs[BITS-1:0] = trial;
    rhs = rhs - (ONE_C << (BITS - 1));
    rhs = rhs <<< d;
    rhs = rhs <<< FRAC;
    lhs = {{(CMP_W-LV_W){level[LV_W-1]}}, level};
    bias = {CMP_W{1'b0}};
    if (ROUND != 0 && d != {D_W{1'b0}}) bias = (ONE_C << FRAC) <<< (d - 1'b1);
    lhs = lhs + bias;
  end
  assign decision = lhs >= rhs;
`endif
endmodule

`default_nettype wire
