// Formal wrapper (tb/formal/props.sh; SPECNAME is replaced by the spec name): the generated top
// of one spec with every input free after a reset in the first cycle, and the valid/ready rules
// of DESIGN section 5 as assertions on its ports:
//   a. y_valid, once raised, stays high with y_data stable until the transfer;
//   b. k = accepted x beats - delivered y beats stays in 0..2 (one vector in flight, one result
//      held), y_valid implies k >= 1, k == 2 implies y_valid: nothing duplicated or invented;
//   c. a vector accepted and not yet delivered shows up on y_valid within LATENCY cycles
//      (nothing dropped);
//   d. wr_ready is 0 while a vector is in flight (k - y_valid > 0), x_ready is 0 while a write
//      is offered, and a write and a vector never transfer in the same cycle.
`default_nettype none
module top_prop #(
  parameter integer CH_W = 1, IDX_W = 1, WR_W = 1, XW = 1, YW = 1, LATENCY = 1
) (
  input wire             clk,
  input wire             wr_valid, wr_sum,
  input wire [CH_W-1:0]  wr_channel,
  input wire [IDX_W-1:0] wr_index,
  input wire [WR_W-1:0]  wr_data,
  input wire             x_valid,
  input wire [XW-1:0]    x_data,
  input wire             y_ready
);
  reg init = 1'b1;
  always @(posedge clk) init <= 1'b0;
  wire rst_n = !init;
  wire wr_ready, x_ready, y_valid;
  wire [YW-1:0] y_data;
  SPECNAME_top dut (
    .clk(clk), .rst_n(rst_n), .wr_valid(wr_valid), .wr_ready(wr_ready), .wr_sum(wr_sum),
    .wr_channel(wr_channel), .wr_index(wr_index), .wr_data(wr_data),
    .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data),
    .y_valid(y_valid), .y_ready(y_ready), .y_data(y_data));

  reg [1:0]    k = 2'd0;        // accepted vectors not yet delivered (saturates at 3 = error)
  reg          y_hold = 1'b0;   // y_valid && !y_ready last cycle
  reg [YW-1:0] y_prev;
  reg [7:0]    wait_cnt = 8'd0; // cycles with k > 0 and no y_valid
  wire x_fire = x_valid && x_ready, y_fire = y_valid && y_ready;
  always @(posedge clk) begin
    if (rst_n) begin
      if (x_fire && !y_fire && k != 2'd3) k <= k + 2'd1;
      if (!x_fire && y_fire && k != 2'd0) k <= k - 2'd1;
      y_hold   <= y_valid && !y_ready;
      y_prev   <= y_data;
      wait_cnt <= (k != 2'd0 && !y_valid && wait_cnt != 8'hff) ? wait_cnt + 8'd1 : 8'd0;
    end
  end
  always @* begin
    if (rst_n) begin
      if (y_hold) assert (y_valid && y_data == y_prev);                        // a
      assert (k <= 2'd2);                                                     // b
      if (y_valid) assert (k >= 2'd1);
      if (y_fire) assert (k >= 2'd1);
      if (k == 2'd2) assert (y_valid);
      assert (wait_cnt <= LATENCY);                                           // c
      if (k > {1'b0, y_valid}) assert (!wr_ready);                            // d
      if (wr_valid) assert (!x_ready);
      assert (!(wr_valid && wr_ready && x_valid && x_ready));
    end
  end
endmodule
`default_nettype wire
