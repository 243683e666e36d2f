{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the SAR comparator. The product line carries the level
// plus {{R}} rounding-bias cells; the reference is the neighbouring uArray's cells enabled in
// binary-weighted groups (group i = 2^(i+{{SHIFT}}) cells) by the trial code.
module {{NAME}}_comparator (
  input  wire [{{COUNT_W}}-1:0] level,
  input  wire [{{BITS}}-1:0]    trial,
  output wire                   decision  // level + bias >= reference
);
  reg [{{CMP_W}}-1:0] lhs, rhs;
  always @* begin
    lhs = {{{CMP_W}}{1'b0}};
    rhs = {{{CMP_W}}{1'b0}};
    lhs[{{COUNT_W}}-1:0] = level;
    lhs = lhs + {{CMP_W}}'d{{R}};
    rhs[{{BITS}}-1:0] = trial;
    rhs = rhs << {{SHIFT}};
  end
  assign decision = lhs >= rhs;
endmodule

`default_nettype wire
