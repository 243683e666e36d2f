{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the SAR comparator. The product line carries the level
// plus R rounding-bias cells; the reference is the neighbouring uArray's cells enabled in
// binary-weighted groups (group i = 2^(i+SHIFT) cells) by the trial code.
module {{NAME}}_comparator #(
  parameter integer COUNT_W = {{COUNT_W}},  // level width
  parameter integer BITS    = {{BITS}},     // ADC bits
  parameter integer R       = {{R}},        // rounding-bias cells, 2^(SHIFT-1) for "nearest"
  parameter integer SHIFT   = {{SHIFT}},    // adc.lsb_shift
  parameter integer CMP_W   = {{CMP_W}}     // comparison width, max(COUNT_W+1, BITS+SHIFT) + 1
) (
  input  wire [COUNT_W-1:0] level,
  input  wire [BITS-1:0]    trial,
  output wire               decision  // level + bias >= reference
);
  localparam [CMP_W-1:0] R_C = R[CMP_W-1:0];

  reg [CMP_W-1:0] lhs, rhs;
  always @* begin
    lhs = {CMP_W{1'b0}};
    rhs = {CMP_W{1'b0}};
    lhs[COUNT_W-1:0] = level;
    lhs = lhs + R_C;
    rhs[BITS-1:0] = trial;
    rhs = rhs << SHIFT;
  end
  assign decision = lhs >= rhs;
endmodule

`default_nettype wire
