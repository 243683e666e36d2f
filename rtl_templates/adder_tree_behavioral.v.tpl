// Counts the ones of `bits` (behavioral tree: Yosys chooses the adders), PIPE register stages
// at the output.
module {{NAME}}_adder_tree #(
  parameter integer W     = {{W}},      // input bits
  parameter integer OUT_W = {{OUT_W}},  // count width, clog2(W+1)
  parameter integer PIPE  = {{PIPE}}    // pipeline register stages
) (
  input  wire             clk,
  input  wire [W-1:0]     bits,
  output wire [OUT_W-1:0] count
);
  reg [OUT_W-1:0] sum;
  reg [OUT_W-1:0] term;
  integer i;
  always @* begin
    sum = {OUT_W{1'b0}};
    for (i = 0; i < W; i = i + 1) begin
      term    = {OUT_W{1'b0}};
      term[0] = bits[i];
      sum     = sum + term;
    end
  end

  genvar p;
  generate
    if (PIPE == 0) begin : g_comb
      wire unused_clk = clk;  // no pipeline registers in this configuration
      assign count = sum;
    end else begin : g_pipe
      for (p = 0; p < PIPE; p = p + 1) begin : g_stage
        reg [OUT_W-1:0] q;
        if (p == 0) begin : g_first
          always @(posedge clk) q <= sum;
        end else begin : g_next
          always @(posedge clk) q <= g_stage[p-1].q;
        end
      end
      assign count = g_stage[PIPE-1].q;
    end
  endgenerate
endmodule
