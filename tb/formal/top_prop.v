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
// With CTRL_INV defined, props.sh connects inv_state / inv_cnt to the controller's state and step
// counter (DESIGN section 5 controller: IDLE, RUN for STEPS + PIPE cycles, DONE until the result
// is taken into the output register), and the invariant below, which ties the monitor's k and
// wait_cnt to them, makes the rules provable by k-induction (unbounded). Without it, induction
// starts from states the top never reaches: e.g. a second result hidden behind a held one while
// y_ready stays low for longer than any depth, with k = 1.
`default_nettype none
module top_prop #(
  parameter integer CH_W = 1, IDX_W = 1, WR_W = 1, XW = 1, YW = 1, LATENCY = 1,
  parameter integer CNT_W = 1, LAST = 0  // CTRL_INV: step counter width, last RUN count (STEPS + PIPE - 1)
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
`ifdef CTRL_INV
  wire [1:0]       inv_state;  // controller state: 0 IDLE, 1 RUN, 2 DONE
  wire [CNT_W-1:0] inv_cnt;    // its step counter
  always @* begin
    if (rst_n) begin
      assert (inv_state != 2'd3);
      assert ({1'b0, k} == {2'd0, inv_state != 2'd0} + {2'd0, y_valid});  // one vector in the array at most
      if (inv_state == 2'd1) assert (inv_cnt <= LAST);
      if (inv_state == 2'd1 && !y_valid) assert (wait_cnt <= inv_cnt);
      if (inv_state == 2'd2 && !y_valid) assert (wait_cnt <= LAST + 1);
      if (k == 2'd0) assert (wait_cnt == 8'd0);
    end
  end
`endif
endmodule
`default_nettype wire
