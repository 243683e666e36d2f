{{BANNER}}
`default_nettype none

// uArray controller: accepts one vector, issues STEPS array steps (row read + gated count),
// waits PIPE cycles for the pipelined adder trees, then loads the output register.
// x_ready is held low while a weight write is offered (writes have priority), wr_ready is
// high only when no vector is in flight.
module {{NAME}}_ctrl #(
  parameter integer CNT_W = {{CNT_W}},  // step counter width, holds STEPS + PIPE
  parameter integer STEPS = {{STEPS}},  // array steps per vector
  parameter integer PIPE  = {{PIPE}}    // adder-tree pipeline stages
) (
  input  wire             clk,
  input  wire             rst_n,
  // handshakes
  input  wire             x_valid,
  output wire             x_ready,
  input  wire             wr_valid,
  output wire             wr_ready,
  input  wire             y_valid,     // output register holds a result
  input  wire             y_ready,
  // sequencing
  output wire             x_load,      // vector accepted this cycle
  output wire             issue_valid, // an array step is read this cycle
  output wire             acc_valid,   // count of step acc_idx arrives this cycle
  output wire [CNT_W-1:0] acc_idx,
  output wire             out_load     // combine into the output register this cycle
);
  // Constants at the counter's width (integer parameters part-selected, so no WIDTH mismatch).
  localparam integer LAST_I = STEPS + PIPE - 1;
  localparam integer ONE_I  = 1;
  localparam [CNT_W-1:0] STEPS_C = STEPS[CNT_W-1:0];
  localparam [CNT_W-1:0] PIPE_C  = PIPE[CNT_W-1:0];
  localparam [CNT_W-1:0] LAST_C  = LAST_I[CNT_W-1:0];
  localparam [CNT_W-1:0] ONE_C   = ONE_I[CNT_W-1:0];

  localparam [1:0] S_IDLE = 2'd0, S_RUN = 2'd1, S_DONE = 2'd2;

  reg [1:0]       state_reg, state_next;
  reg [CNT_W-1:0] cnt_reg, cnt_next;

  wire idle = state_reg == S_IDLE;
  wire run  = state_reg == S_RUN;
  wire done = state_reg == S_DONE;

  assign out_load    = done && (!y_valid || y_ready);
  assign x_ready     = !wr_valid && (idle || (done && !y_valid));
  assign wr_ready    = idle;
  assign x_load      = x_valid && x_ready;
  assign issue_valid = run && cnt_reg < STEPS_C;
  assign acc_idx     = cnt_reg - PIPE_C;

  // Counts arrive PIPE cycles after their step.
  generate
    if (PIPE == 0) begin : g_comb_tree
      assign acc_valid = run;
    end else begin : g_pipelined_tree
      assign acc_valid = run && cnt_reg >= PIPE_C;
    end
  endgenerate

  always @* begin
    state_next = state_reg;
    cnt_next   = cnt_reg;
    case (state_reg)
      S_IDLE: begin
        if (x_load) begin
          state_next = S_RUN;
          cnt_next   = {CNT_W{1'b0}};
        end
      end
      S_RUN: begin
        cnt_next = cnt_reg + ONE_C;
        if (cnt_reg == LAST_C) state_next = S_DONE;
      end
      S_DONE: begin
        if (x_load) begin
          state_next = S_RUN;
          cnt_next   = {CNT_W{1'b0}};
        end else if (out_load) begin
          state_next = S_IDLE;
        end
      end
      default: state_next = S_IDLE;
    endcase
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) begin
      state_reg <= S_IDLE;
      cnt_reg   <= {CNT_W{1'b0}};
    end else begin
      state_reg <= state_next;
      cnt_reg   <= cnt_next;
    end
  end
endmodule

`default_nettype wire
