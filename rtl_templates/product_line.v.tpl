{{BANNER}}
`default_nettype none

// SIMULATION MODEL (not synthesized): the analog product line of one row. In a compute cycle
// the cells whose column line is high discharge it; the held level is the count of those
// cells, in count units. Bit-exact by default. For approximate-computing studies a seeded
// Gaussian offset is added before the hold: +noise_sigma_milli=S (sigma in 1/1000 count)
// and +noise_seed=K; the offset is rounded to a whole count and the level clamped to 0..L.
module {{NAME}}_product_line #(
  parameter integer L       = {{L}},        // cells on the line (columns)
  parameter integer COUNT_W = {{COUNT_W}}   // level width, clog2(L+1)
) (
  input  wire               clk,
  input  wire [31:0]        id,       // distinct per product line: decorrelates the noise
  input  wire               sample,   // compute cycle: sample and hold the level
  input  wire [L-1:0]       cells,
  input  wire [L-1:0]       cl,       // column lines
  output wire [COUNT_W-1:0] level
);
`ifndef SYNTHESIS  // a black box in synthesis: Yosys reads only the ports
  localparam [COUNT_W-1:0]   L_C = L[COUNT_W-1:0];
  wire [COUNT_W-1:0]         l_c = L_C;
  wire signed [63:0]         l_max = $signed({{(64-COUNT_W){1'b0}}, l_c});  // L, for the clamp
  reg [COUNT_W-1:0] level_reg;
  reg [COUNT_W-1:0] sum;
  reg [COUNT_W-1:0] term;
  integer i;

  // ---- noise: xorshift32, Irwin-Hall sum of 12 uniforms ~ N(0, 1) ----
  integer    sigma_milli;
  integer    noise_seed;
  reg [31:0] rng_reg, rng;
  reg [19:0] uni_sum;
  reg signed [63:0] num, offset, noisy;
  integer k;

  initial begin
    if (!$value$plusargs("noise_sigma_milli=%d", sigma_milli)) sigma_milli = 0;
    if (!$value$plusargs("noise_seed=%d", noise_seed)) noise_seed = 1;
    seeded = 1'b0;
  end
  // The generator starts at the first compute cycle from noise_seed and id (a port, not a
  // parameter, so that every product line is one module for Verilator's hierarchical blocks).
  reg        seeded;
  wire [31:0] seed_mix = (noise_seed * 32'h85ebca6b) ^ (id * 32'hc2b2ae35) ^ 32'h9e3779b9;
  wire [31:0] seed     = seed_mix == 32'd0 ? 32'h1 : seed_mix;

  always @* begin
    sum = {COUNT_W{1'b0}};
    for (i = 0; i < L; i = i + 1) begin
      term    = {COUNT_W{1'b0}};
      term[0] = cells[i] & cl[i];
      sum     = sum + term;
    end
    rng     = seeded ? rng_reg : seed;
    uni_sum = 20'd0;
    for (k = 0; k < 12; k = k + 1) begin
      rng     = rng ^ (rng << 13);
      rng     = rng ^ (rng >> 17);
      rng     = rng ^ (rng << 5);
      uni_sum = uni_sum + {4'd0, rng[15:0]};
    end
    // offset = (uni_sum / 2^16 - 6) * sigma_milli / 1000, rounded to the nearest count
    num    = ($signed({44'd0, uni_sum}) - 64'sd393216) * sigma_milli;
    offset = (num + (num < 0 ? -64'sd32768000 : 64'sd32768000)) / 64'sd65536000;
    noisy  = $signed({{(64-COUNT_W){1'b0}}, sum}) + offset;
  end

  always @(posedge clk) begin
    if (sample) begin
      rng_reg <= rng;
      seeded  <= 1'b1;
      if (noisy < 0) level_reg <= {COUNT_W{1'b0}};
      else if (noisy > l_max) level_reg <= L_C;
      else level_reg <= noisy[COUNT_W-1:0];
    end
  end

  assign level = level_reg;
`endif
endmodule

`default_nettype wire
