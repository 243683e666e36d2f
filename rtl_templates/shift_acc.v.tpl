{{BANNER}}
`default_nettype none

// Shift-accumulator (Horner, MSB plane first): acc = first ? in : 2*acc + in.
module {{NAME}}_shift_acc #(
  parameter W = 8  // accumulator width
) (
  input  wire         clk,
  input  wire         en,     // a plane count arrives
  input  wire         first,  // it is the most significant plane
  input  wire [W-1:0] in,
  output wire [W-1:0] acc
);
  reg [W-1:0] acc_reg;

  always @(posedge clk) begin
    if (en) acc_reg <= first ? in : (acc_reg << 1) + in;
  end

  assign acc = acc_reg;
endmodule

`default_nettype wire
