{{BANNER}}
`default_nettype none

// One channel of the multiply-based baseline: per plane pair (j,k), d = P - N from the
// segment counts; inner Horner over k, outer Horner over j: y = SUM 2^(j+k) (P_jk - N_jk).
module {{NAME}}_channel_conv #(
  parameter integer S       = {{S}},        // segments (uArrays) per channel
  parameter integer COUNT_W = {{COUNT_W}},  // segment count width
  parameter integer SUM_IW  = {{SUM_IW}},   // width of a step's count over all segments
  parameter integer Y_W     = {{Y_W}}       // output width, two's complement
) (
  input  wire                 clk,
  input  wire [S*COUNT_W-1:0] seg_counts_p,
  input  wire [S*COUNT_W-1:0] seg_counts_n,
  input  wire                 acc_en,     // a plane-pair count arrives
  input  wire                 j_first,    // j = m-1 (outer Horner restarts)
  input  wire                 k_first,    // k = n-1 (inner Horner restarts)
  input  wire                 k_last,     // k = 0 (inner sum complete)
  output wire [Y_W-1:0]       y
);
  wire [Y_W-1:0] sum_p;
  wire [Y_W-1:0] sum_n;
  reg  [Y_W-1:0] inner_reg;
  reg  [Y_W-1:0] outer_reg;

  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(Y_W)) u_sum_p (.counts(seg_counts_p), .sum(sum_p));
  {{NAME}}_seg_sum #(.S(S), .CW(COUNT_W), .IW(SUM_IW), .OW(Y_W)) u_sum_n (.counts(seg_counts_n), .sum(sum_n));

  wire [Y_W-1:0] d          = sum_p - sum_n;
  wire [Y_W-1:0] inner_next = k_first ? d : (inner_reg << 1) + d;

  always @(posedge clk) begin
    if (acc_en) begin
      inner_reg <= inner_next;
      if (k_last) outer_reg <= j_first ? inner_next : (outer_reg << 1) + inner_next;
    end
  end

  assign y = outer_reg;
endmodule

`default_nettype wire
