{{BANNER}}
`default_nettype none

// uChannel stitching: the sum of the S segment counts of one channel.
module {{NAME}}_seg_sum #(
  parameter S  = 1,  // segments
  parameter CW = 1,  // width of one segment count
  parameter IW = 1,  // width of the largest possible sum (CW <= IW <= OW)
  parameter OW = 1   // width of the output (zero-extended)
) (
  input  wire [S*CW-1:0] counts,  // segment s at [s*CW +: CW]
  output reg  [OW-1:0]   sum
);
  reg [IW-1:0] term, total;
  integer s;
  always @* begin
    total = {IW{1'b0}};
    for (s = 0; s < S; s = s + 1) begin
      term         = {IW{1'b0}};
      term[CW-1:0] = counts[s*CW +: CW];
      total        = total + term;
    end
    sum           = {OW{1'b0}};
    sum[IW-1:0]   = total;
  end
endmodule

`default_nettype wire
