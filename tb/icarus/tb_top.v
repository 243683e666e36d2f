// Independent testbench (Icarus Verilog) written against DESIGN.md section 5 alone: loads the
// weights and Sw through the write port, streams the vectors with random gaps, applies random
// back-pressure on y_ready, checks y_valid/y_data stability, and writes the results as text.
// Plusargs: +wmem= +swmem= +xmem= (hex, see scripts/icarus_check.sh) +out=FILE.
`timescale 1ns/1ps
module tb_top;
  parameter N = 4, C = 1, M = 2, NB = 2;
  parameter CH_W = 1, IDX_W = 2, SW_W = 4, WR_W = 4, Y_W = 6;
  parameter NVEC = 8, SEED = 1;
  localparam TIMEOUT = 2000000;

  reg                 clk = 1'b0, rst_n = 1'b0;
  reg                 wr_valid = 1'b0, wr_sum = 1'b0;
  reg  [CH_W-1:0]     wr_channel = 0;
  reg  [IDX_W-1:0]    wr_index = 0;
  reg  [WR_W-1:0]     wr_data = 0;
  wire                wr_ready;
  reg                 x_valid = 1'b0;
  reg  [N*(NB+1)-1:0] x_data = 0;
  wire                x_ready;
  wire                y_valid;
  reg                 y_ready = 1'b0;
  wire [C*Y_W-1:0]    y_data;

  `DUT dut (
    .clk(clk), .rst_n(rst_n),
    .wr_valid(wr_valid), .wr_ready(wr_ready), .wr_sum(wr_sum), .wr_channel(wr_channel),
    .wr_index(wr_index), .wr_data(wr_data),
    .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data),
    .y_valid(y_valid), .y_ready(y_ready), .y_data(y_data)
  );

  always #5 clk = ~clk;

  reg [M:0]      wmem  [0:C*N-1];
  reg [SW_W-1:0] swmem [0:C-1];
  reg [NB:0]     xmem  [0:NVEC*N-1];
  reg [1023:0]   wfile, swfile, xfile, ofile;
  integer fd, seed, results, cycles, errors;
  integer c, i, v;

  // Wait for a rising edge at which the offered beat is accepted; change inputs after it.
  task wr_beat(input s, input integer ch, input integer idx, input [WR_W-1:0] d);
    begin
      while ($random(seed) % 4 == 0) @(negedge clk);  // random idle gap
      wr_valid = 1'b1; wr_sum = s; wr_channel = ch; wr_index = idx; wr_data = d;
      @(posedge clk);
      while (!wr_ready) @(posedge clk);
      @(negedge clk);
      wr_valid = 1'b0;
    end
  endtask

  // Results: sampled at rising edges; y_ready changes on falling edges.
  reg             hold;
  reg [C*Y_W-1:0] held;
  reg signed [63:0] val;
  always @(posedge clk) begin
    if (rst_n) begin
      if (hold && (!y_valid || y_data !== held)) begin
        $display("PROTOCOL: y_valid or y_data changed before the transfer at cycle %0d", cycles);
        errors = errors + 1;
      end
      if (y_valid && y_ready) begin
        for (c = 0; c < C; c = c + 1) begin
          val = $signed(y_data[c*Y_W +: Y_W]);
          if (c > 0) $fwrite(fd, " ");
          $fwrite(fd, "%0d", val);
        end
        $fwrite(fd, "\n");
        results = results + 1;
      end
      hold = y_valid && !y_ready;
      held = y_data;
    end
  end
  always @(negedge clk) begin
    y_ready <= ($random(seed) % 10) >= 3;
    cycles = cycles + 1;
    if (cycles > TIMEOUT) begin
      $display("TIMEOUT after %0d cycles, %0d of %0d results", cycles, results, NVEC);
      $finish;
    end
  end

  initial begin
    seed = SEED; results = 0; cycles = 0; errors = 0; hold = 1'b0;
    if (!$value$plusargs("wmem=%s", wfile) || !$value$plusargs("swmem=%s", swfile) ||
        !$value$plusargs("xmem=%s", xfile) || !$value$plusargs("out=%s", ofile)) begin
      $display("usage: +wmem=F +swmem=F +xmem=F +out=F");
      $finish;
    end
    $readmemh(wfile, wmem);
    $readmemh(swfile, swmem);
    $readmemh(xfile, xmem);
    fd = $fopen(ofile, "w");
    repeat (3) @(negedge clk);
    rst_n = 1'b1;
    @(negedge clk);
    for (c = 0; c < C; c = c + 1) begin
      for (i = 0; i < N; i = i + 1) wr_beat(1'b0, c, i, wmem[c*N+i]);
      wr_beat(1'b1, c, 0, swmem[c]);
    end
    for (v = 0; v < NVEC; v = v + 1) begin
      while ($random(seed) % 3 == 0) @(negedge clk);
      for (i = 0; i < N; i = i + 1) x_data[i*(NB+1) +: NB+1] = xmem[v*N+i];
      x_valid = 1'b1;
      @(posedge clk);
      while (!x_ready) @(posedge clk);
      @(negedge clk);
      x_valid = 1'b0;
    end
    while (results < NVEC) @(negedge clk);
    repeat (50) @(negedge clk);  // nothing more may arrive
    $fclose(fd);
    if (errors) $display("FAILED: %0d protocol errors", errors);
    $finish;
  end
endmodule
