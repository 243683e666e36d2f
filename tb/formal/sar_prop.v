// Formal wrapper (tb/formal/props.sh; SPECNAME is replaced by the spec name): the generated SAR sequencer and comparator of one spec,
// sequenced as the in_memory top does (a compute cycle clears the code, then BITS steps MSB
// first, bit_idx = BITS-1 .. 0, last when bit_idx == 0; a time-shared converter starts the next
// conversion right after a last step without a compute cycle). The product-line level is an
// unconstrained input in 0..L, held stable through a conversion and free to change between
// conversions. Property: at the last step, c_hat == min(2^BITS-1, (level + R) >> SHIFT) << SHIFT.
`default_nettype none
module sar_prop #(
  parameter integer L = 1, COUNT_W = 1, BITS = 1, BIT_W = 1, SHIFT = 0, R = 0, CHAT_W = 1
) (
  input wire               clk,
  input wire [COUNT_W-1:0] level,    // product line, free
  input wire               restart   // at a conversion boundary: 1 = compute cycle first
);
  localparam integer TOP_I = BITS - 1, MAXC_I = (1 << BITS) - 1;
  localparam [BIT_W-1:0] BIT_TOP = TOP_I[BIT_W-1:0];
  reg             init = 1'b1;       // first cycle
  reg             started = 1'b0;    // a compute cycle has cleared the code
  reg             conv_reg = 1'b0;   // converting (else compute cycle)
  reg [BIT_W-1:0] bit_reg = BIT_TOP;
  wire start = !conv_reg;
  wire step  = conv_reg;
  wire last  = conv_reg && bit_reg == {BIT_W{1'b0}};
  wire [BITS-1:0]   trial;
  wire [CHAT_W-1:0] c_hat;
  wire              decision;
  SPECNAME_comparator cmp (.level(level), .trial(trial), .decision(decision));
  SPECNAME_sar sar (.clk(clk), .start(start), .step(step), .bit_idx(bit_reg), .last(last),
                 .decision(decision), .trial(trial), .c_hat(c_hat));
  always @(posedge clk) begin
    init <= 1'b0;
    if (start) started <= 1'b1;
    if (start) begin
      conv_reg <= 1'b1; bit_reg <= BIT_TOP;
    end else if (!last) begin
      bit_reg <= bit_reg - 1'b1;
    end else begin
      conv_reg <= !restart; bit_reg <= BIT_TOP;
    end
  end
  // the expected code, at a width that holds L + R
  wire [31:0] sum   = level + R;
  wire [31:0] q     = sum >> SHIFT;
  wire [31:0] code  = q > MAXC_I ? MAXC_I : q;
  wire [31:0] chat  = code << SHIFT;
  reg  [COUNT_W-1:0] level_prev;
  always @(posedge clk) level_prev <= level;
  always @* begin
    assume (level <= L);
    if (step && bit_reg != BIT_TOP) assume (level == level_prev);  // held through a conversion
    if (started && last) assert (c_hat == chat[CHAT_W-1:0]);
  end
endmodule
`default_nettype wire
