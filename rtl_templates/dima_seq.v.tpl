{{BANNER}}
`default_nettype none

// DIMA task sequencer with the top's handshakes. A vector accepted at cycle 0 runs the program
// from word 0: per task one compute cycle (FR, BLP, CBLP sampled) and BITS SAR steps, MSB first;
// the RDL applies the task's result at its last step. The program ends after a task whose last
// bit is set, or after word P-1; the results are then loaded into the output register. Writes
// (weights and program) are accepted only with no vector in flight; x_ready is low while a
// weight write is offered. A program beat in the cycle a vector is accepted is seen by it.
module {{NAME}}_dima_seq #(
  parameter integer X_W   = {{X_W}},    // x_data width
  parameter integer YS_W  = {{YS_W}},   // y_data width
  parameter integer PC_W  = {{PC_W}},   // program counter width
  parameter integer BIT_W = {{BIT_W}},  // SAR bit index width
  parameter integer BITS  = {{BITS}},   // ADC bits
  parameter integer P     = {{P}}       // instruction words
) (
  input  wire             clk,
  input  wire             rst_n,
  input  wire             wr_valid,
  output wire             wr_ready,
  input  wire             x_valid,
  output wire             x_ready,
  input  wire [X_W-1:0]   x_data,
  output wire             y_valid,
  input  wire             y_ready,
  output wire [YS_W-1:0]  y_data,
  input  wire             pr_valid,
  output wire             pr_ready,
  output wire             pr_write,    // a program beat transfers
  input  wire             task_last,   // last bit of the word at pc
  output reg  [X_W-1:0]   x_reg,       // the vector in flight
  output wire             x_load,      // vector accepted: the RDL clears
  output wire             sample,      // compute cycle of the task at pc
  output wire             conv,        // a SAR step
  output wire [BIT_W-1:0] bit_idx,     // bit decided in this step
  output wire             conv_last,   // last SAR step: the RDL applies the result
  output wire [PC_W-1:0]  pc,
  input  wire [YS_W-1:0]  y_comb       // the RDL slots
);
  localparam integer ONE_I = 1, BIT_TOP_I = BITS - 1, PC_LAST_I = P - 1;
  localparam [BIT_W-1:0] BIT_TOP = BIT_TOP_I[BIT_W-1:0];
  localparam [BIT_W-1:0] BIT_ONE = ONE_I[BIT_W-1:0];
  localparam [PC_W-1:0]  PC_ONE  = ONE_I[PC_W-1:0];
  localparam [PC_W-1:0]  PC_LAST = PC_LAST_I[PC_W-1:0];
  localparam [1:0] S_IDLE = 2'd0, S_RUN = 2'd1, S_DONE = 2'd2;

  reg [1:0]       state_reg, state_next;
  reg             compute_reg;
  reg [BIT_W-1:0] bit_reg;
  reg [PC_W-1:0]  pc_reg;
  reg             y_valid_reg;
  reg [YS_W-1:0]  y_data_reg;

  wire idle     = state_reg == S_IDLE;
  wire run      = state_reg == S_RUN;
  wire done     = state_reg == S_DONE;
  wire out_load = done && (!y_valid_reg || y_ready);
  wire prog_end = conv_last && (task_last || pc_reg == PC_LAST);

  assign wr_ready  = idle;
  assign pr_ready  = idle;
  assign pr_write  = pr_valid && pr_ready;
  assign x_ready   = !wr_valid && (idle || (done && !y_valid_reg));
  assign x_load    = x_valid && x_ready;
  assign sample    = run && compute_reg;
  assign conv      = run && !compute_reg;
  assign conv_last = conv && bit_reg == {BIT_W{1'b0}};
  assign bit_idx   = bit_reg;
  assign pc        = pc_reg;

  always @* begin
    state_next = state_reg;
    case (state_reg)
      S_IDLE: if (x_load) state_next = S_RUN;
      S_RUN:  if (prog_end) state_next = S_DONE;
      S_DONE: begin
        if (x_load) state_next = S_RUN;
        else if (out_load) state_next = S_IDLE;
      end
      default: state_next = S_IDLE;
    endcase
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) state_reg <= S_IDLE;
    else state_reg <= state_next;
  end

  always @(posedge clk) begin
    if (x_load) begin
      compute_reg <= 1'b1;
      pc_reg      <= {PC_W{1'b0}};
    end else if (run) begin
      if (compute_reg) begin
        compute_reg <= 1'b0;
        bit_reg     <= BIT_TOP;
      end else if (bit_reg != {BIT_W{1'b0}}) begin
        bit_reg <= bit_reg - BIT_ONE;
      end else begin
        compute_reg <= 1'b1;
        pc_reg      <= pc_reg + PC_ONE;
      end
    end
  end

  always @(posedge clk) begin
    if (x_load) x_reg <= x_data;
  end

  always @(posedge clk) begin
    if (out_load) y_data_reg <= y_comb;
  end

  always @(posedge clk or negedge rst_n) begin
    if (!rst_n) y_valid_reg <= 1'b0;
    else if (out_load) y_valid_reg <= 1'b1;
    else if (y_ready) y_valid_reg <= 1'b0;
  end

  assign y_valid = y_valid_reg;
  assign y_data  = y_data_reg;
endmodule

`default_nettype wire
