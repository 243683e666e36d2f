{{BANNER}}
`default_nettype none

// uChannel stitching: the sum of the S segment counts of one channel.
module {{NAME}}_seg_sum #(
  parameter S  = 1,  // segments
  parameter CW = 1,  // width of one segment count
  parameter OW = 1   // width of the sum
) (
  input  wire [S*CW-1:0] counts,  // segment s at [s*CW +: CW]
  output reg  [OW-1:0]   sum
);
  reg [OW-1:0] term;
  integer s;
  always @* begin
    sum = {OW{1'b0}};
    for (s = 0; s < S; s = s + 1) begin
      term         = {OW{1'b0}};
      term[CW-1:0] = counts[s*CW +: CW];
      sum          = sum + term;
    end
  end
endmodule

`default_nettype wire
