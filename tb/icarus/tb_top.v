// Independent Icarus Verilog testbench of a cimgen macro, written against DESIGN.md section 5
// (top-level interface) and sections 2 and 7 (number and file formats) only.
//
// Build:  iverilog -g2005 -s tb_top -DDUT=<name>_top -Ptb_top.N=.. -Ptb_top.C=.. ... tb_top.v <rtl>
// Run:    vvp -n sim +wmem=W.hex +swmem=SW.hex +xmem=X.hex +out=Y.txt
//         [+wmem2=W2.hex +swmem2=SW2.hex   when RELOAD_EVERY > 0]
//
// Memory files ($readmemh, one hex word per entry):
//   wmem  : C*N entries, entry c*N+i = {sign, mag[M-1:0]} of weight i of channel c
//   swmem : C entries, Sw of channel c = SUM_i |w_i|
//   xmem  : NVEC*N entries, entry v*N+i = {sign, mag[NB-1:0]} of input i of vector v
//   bmem  : (with -DDROPOUT, DESIGN.md section 11) NVEC entries, entry v = {x_dst, x_src, x_op,
//           x_mask[N-1:0]} of the beat of vector v (+bmem=B.hex)
// Output: one line per y transfer, the C channel values as signed decimal, single spaces.
//
// Sequence:
//   1. asynchronous reset (rst_n low for a few cycles, released away from a clock edge);
//   2. load every weight element (wr_sum=0) and every channel's Sw (wr_sum=1) in a seeded
//      random order, with random idle gaps and random junk on the bits a beat does not use;
//   3. timing phase: the first NT vectors back to back with y_ready held high; measures the
//      latency (rising edge of the x beat to the rising edge of the first y transfer) and the
//      interval between consecutive x beats; checked against EXP_LAT / EXP_II when >= 0;
//   4. the remaining vectors with random gaps and random y_ready back-pressure (~30 % low);
//   5. if RELOAD_EVERY = R > 0: the weights alternate between two sets, vectors [0,R) use set 1
//      (+wmem/+swmem), [R,2R) set 2 (+wmem2/+swmem2), [2R,3R) set 1 again, and so on. Each
//      reload starts as soon as the last vector of the previous block has been accepted (its
//      vectors may still be in flight: the DUT must hold wr_ready low), and the next block is
//      sent only once the whole set was accepted (DESIGN 5: loading and computing never
//      overlap; a vector accepted after a write sees it). R is raised to NT if smaller;
//   6. after NVEC results, y_ready stays high for DRAIN cycles: any further y_valid is an error.
// Inputs are driven on the falling edge, outputs sampled on the rising edge. y_valid / y_data
// must only change in the time step of a rising clock edge (no combinational path from any
// input), and once y_valid is high it must stay high with stable y_data until the transfer.
// Failures print a line with TIMEOUT, PROTOCOL or TIMING and end with $fatal (vvp exit 1);
// success prints "tb_top: DONE".
`timescale 1ns/1ps
`ifndef DUT
`define DUT dut_top
`endif

module tb_top;
  parameter integer N = 4;          // vector length
  parameter integer C = 2;          // channels
  parameter integer M = 4;          // weight magnitude bits (m)
  parameter integer NB = 4;         // input magnitude bits (n)
  parameter integer CH_W = 1;
  parameter integer IDX_W = 2;
  parameter integer SW_W = 6;
  parameter integer WR_W = 6;
  parameter integer Y_W = 8;
  parameter integer R_W = 1;        // dropout: x_src / x_dst width (used with -DDROPOUT)
  parameter integer NVEC = 16;      // number of input vectors
  parameter integer SEED = 1;
  parameter integer EXP_LAT = -1;   // expected latency in cycles (manifest), -1: only report
  parameter integer EXP_II = -1;    // expected initiation interval (manifest), -1: only report
  parameter integer NT_MAX = 5;     // vectors in the timing phase (at most)
  parameter integer RELOAD_EVERY = 0; // 0: one weight set; R: alternate sets every R vectors
  parameter integer TIMEOUT = 20000;// cycles without any transfer before TIMEOUT
  parameter integer DRAIN = 64;     // cycles watched after the last result
  parameter integer YREADY_LOW_PCT = 30;
  parameter integer GAP_PCT = 25;   // probability of an idle cycle before a beat

  localparam integer XW = N * (NB + 1);
  localparam integer NWR = C * N + C;           // writes per weight set
  localparam integer NT = (NVEC < NT_MAX) ? NVEC : NT_MAX;
  localparam integer DO_RELOAD = (RELOAD_EVERY > 0 && RELOAD_EVERY < NVEC) ? 1 : 0;
  localparam integer RL = (DO_RELOAD && RELOAD_EVERY < NT) ? NT : RELOAD_EVERY;

  // ---------------------------------------------------------------- DUT
  reg clk = 1'b0;
  reg rst_n = 1'bx;
  reg wr_valid = 1'b0;
  wire wr_ready;
  reg wr_sum = 1'b0;
  reg [CH_W-1:0] wr_channel = {CH_W{1'b0}};
  reg [IDX_W-1:0] wr_index = {IDX_W{1'b0}};
  reg [WR_W-1:0] wr_data = {WR_W{1'b0}};
  reg x_valid = 1'b0;
  wire x_ready;
  reg [XW-1:0] x_data = {XW{1'b0}};
`ifdef DROPOUT
  localparam integer BW = N + 2 + 2 * R_W;  // beat word {dst, src, op, mask}
  reg [N-1:0] x_mask = {N{1'b0}};
  reg [1:0] x_op = 2'd0;
  reg [R_W-1:0] x_src = {R_W{1'b0}};
  reg [R_W-1:0] x_dst = {R_W{1'b0}};
  reg [BW-1:0] bmem [0:NVEC-1];
  reg [8*1024-1:0] fn_b;
`endif
  wire y_valid;
  reg y_ready = 1'b0;
  wire [C*Y_W-1:0] y_data;

  `DUT dut (
    .clk(clk), .rst_n(rst_n),
    .wr_valid(wr_valid), .wr_ready(wr_ready), .wr_sum(wr_sum),
    .wr_channel(wr_channel), .wr_index(wr_index), .wr_data(wr_data),
    .x_valid(x_valid), .x_ready(x_ready), .x_data(x_data),
`ifdef DROPOUT
    .x_mask(x_mask), .x_op(x_op), .x_src(x_src), .x_dst(x_dst),
`endif
    .y_valid(y_valid), .y_ready(y_ready), .y_data(y_data)
  );

  always #5 clk = ~clk;

  // ---------------------------------------------------------------- stimulus memories
  reg [M:0] wmem [0:C*N-1];
  reg [SW_W-1:0] swmem [0:C-1];
  reg [M:0] wmem2 [0:C*N-1];
  reg [SW_W-1:0] swmem2 [0:C-1];
  reg [NB:0] xmem [0:NVEC*N-1];

  reg [8*1024-1:0] fn_w, fn_sw, fn_x, fn_out, fn_w2, fn_sw2;
  integer fd;
  integer seed;

  // ---------------------------------------------------------------- state
  integer cyc;              // rising edges since time 0
  integer wr_ptr;           // writes accepted in the current set
  integer nload;            // weight loads completed (load k writes set k % 2)
  integer x_ptr;            // vectors accepted
  integer y_cnt;            // results transferred
  integer last_progress;    // cycle of the last transfer
  reg wr_fired, x_fired;    // a transfer at the last rising edge (consumed at the falling edge)
  reg y_pend;               // y_valid was high and not transferred at the last edge
  reg [C*Y_W-1:0] y_hold;
  reg finished;
  integer errors;
  integer x_edge [0:NT_MAX];  // edge of the x beat of timing vector k
  integer y_edge [0:NT_MAX];  // edge of the y transfer of timing vector k
  integer lat, k, c, w_i, w_c, r;

  task fail;
    input [8*160-1:0] what;
    begin
      $display("tb_top: %0s at cycle %0d (time %0t)", what, cyc, $time);
      $fatal(1, "tb_top: FAIL");
    end
  endtask

  function [31:0] urand;   // 0..99
    input dummy;
    begin
      urand = $unsigned($random(seed)) % 100;
    end
  endfunction

  initial begin
    seed = SEED;
    $timeformat(-9, 0, " ns", 0);
    cyc = 0; wr_ptr = 0; nload = 0; x_ptr = 0; y_cnt = 0; last_progress = 0;
    wr_fired = 0; x_fired = 0; y_pend = 0; y_hold = 0;
    finished = 0; errors = 0;
    for (k = 0; k <= NT_MAX; k = k + 1) begin x_edge[k] = -1; y_edge[k] = -1; end
    if (!$value$plusargs("wmem=%s", fn_w)) begin $display("tb_top: missing +wmem=FILE"); $fatal(1, "args"); end
    if (!$value$plusargs("swmem=%s", fn_sw)) begin $display("tb_top: missing +swmem=FILE"); $fatal(1, "args"); end
    if (!$value$plusargs("xmem=%s", fn_x)) begin $display("tb_top: missing +xmem=FILE"); $fatal(1, "args"); end
    if (!$value$plusargs("out=%s", fn_out)) begin $display("tb_top: missing +out=FILE"); $fatal(1, "args"); end
    $readmemh(fn_w, wmem);
    $readmemh(fn_sw, swmem);
    $readmemh(fn_x, xmem);
`ifdef DROPOUT
    if (!$value$plusargs("bmem=%s", fn_b)) begin $display("tb_top: missing +bmem=FILE"); $fatal(1, "args"); end
    $readmemh(fn_b, bmem);
`endif
    if (DO_RELOAD) begin
      if (!$value$plusargs("wmem2=%s", fn_w2)) begin $display("tb_top: missing +wmem2=FILE"); $fatal(1, "args"); end
      if (!$value$plusargs("swmem2=%s", fn_sw2)) begin $display("tb_top: missing +swmem2=FILE"); $fatal(1, "args"); end
      $readmemh(fn_w2, wmem2);
      $readmemh(fn_sw2, swmem2);
    end
    // every memory word must be defined (a short or malformed file leaves X)
    for (k = 0; k < C*N; k = k + 1) begin
      if (^wmem[k] === 1'bx) begin $display("tb_top: wmem entry %0d undefined", k); $fatal(1, "args"); end
      if (DO_RELOAD && ^wmem2[k] === 1'bx) begin $display("tb_top: wmem2 entry %0d undefined", k); $fatal(1, "args"); end
    end
    for (k = 0; k < C; k = k + 1) begin
      if (^swmem[k] === 1'bx) begin $display("tb_top: swmem entry %0d undefined", k); $fatal(1, "args"); end
      if (DO_RELOAD && ^swmem2[k] === 1'bx) begin $display("tb_top: swmem2 entry %0d undefined", k); $fatal(1, "args"); end
    end
    for (k = 0; k < NVEC*N; k = k + 1)
      if (^xmem[k] === 1'bx) begin $display("tb_top: xmem entry %0d undefined", k); $fatal(1, "args"); end
    fd = $fopen(fn_out, "w");
    if (fd == 0) begin $display("tb_top: cannot open %0s", fn_out); $fatal(1, "args"); end

    // asynchronous reset: assert between edges, hold for 4 cycles, release mid-cycle
    #2 rst_n = 1'b0;
    repeat (4) @(posedge clk);
    #3 rst_n = 1'b1;
  end

  // ---------------------------------------------------------------- y_valid / y_data only change at rising edges
  // (rising edges are at 5, 15, 25, ... ns; inputs change at the falling edges 10, 20, ...)
  always @(y_valid) begin
    if (rst_n === 1'b1 && ($time % 10) != 5)
      fail("PROTOCOL: y_valid changed away from a rising clock edge (combinational path from an input?)");
  end
  always @(y_data) begin
    if (rst_n === 1'b1 && y_valid === 1'b1 && ($time % 10) != 5)
      fail("PROTOCOL: y_data changed while valid away from a rising clock edge (combinational path from an input?)");
  end

  // ---------------------------------------------------------------- sample at the rising edge
  always @(posedge clk) begin
    cyc = cyc + 1;
    if (rst_n === 1'b1) begin
      if (wr_ready !== 1'b0 && wr_ready !== 1'b1) fail("PROTOCOL: wr_ready is X/Z");
      if (x_ready !== 1'b0 && x_ready !== 1'b1) fail("PROTOCOL: x_ready is X/Z");
      if (y_valid !== 1'b0 && y_valid !== 1'b1) fail("PROTOCOL: y_valid is X/Z");
      // y stays valid and stable until it is taken
      if (y_pend) begin
        if (y_valid !== 1'b1) fail("PROTOCOL: y_valid dropped before the transfer");
        if (y_data !== y_hold) fail("PROTOCOL: y_data changed while y_valid waited for y_ready");
      end
      if (wr_valid && wr_ready && x_valid && x_ready)
        fail("PROTOCOL: a write and a vector transferred at the same edge (load and compute overlap)");
      // write beat
      if (wr_valid && wr_ready) begin
`ifdef TB_TRACE
        $display("trace %0d: load %0d #%0d sum=%0d ch=%0d idx=%0d data=%h", cyc, nload, wr_ptr, wr_sum, wr_channel, wr_index, wr_data);
`endif
        wr_fired = 1;
        wr_ptr = wr_ptr + 1;
        last_progress = cyc;
        if (wr_ptr == NWR) begin
          nload = nload + 1;
        end
      end
      // x beat
      if (x_valid && x_ready) begin
`ifdef TB_TRACE
        $display("trace %0d: x beat #%0d", cyc, x_ptr);
`endif
        x_fired = 1;
        if (x_ptr < NT) x_edge[x_ptr] = cyc;
        x_ptr = x_ptr + 1;
        last_progress = cyc;
      end
      // y beat
      if (y_valid && y_ready) begin
        if (finished || y_cnt >= NVEC) fail("PROTOCOL: more results than vectors (duplicate result)");
        if (y_cnt >= x_ptr) fail("PROTOCOL: a result before its vector was accepted");
        if (^y_data === 1'bx) fail("PROTOCOL: y_data has X/Z bits at a transfer");
`ifdef TB_TRACE
        $display("trace %0d: y beat #%0d", cyc, y_cnt);
`endif
        for (c = 0; c < C; c = c + 1) begin
          if (c > 0) $fwrite(fd, " ");
          $fwrite(fd, "%0d", $signed(y_data[c*Y_W +: Y_W]));
        end
        $fwrite(fd, "\n");
        if (y_cnt < NT) y_edge[y_cnt] = cyc;
        y_cnt = y_cnt + 1;
        last_progress = cyc;
      end
      y_pend = (y_valid === 1'b1) && !y_ready;
      y_hold = y_data;
      if (!finished && cyc - last_progress > TIMEOUT) begin
        $display("tb_top: TIMEOUT: no transfer for %0d cycles: %0d/%0d writes of load %0d, %0d/%0d vectors accepted, %0d results",
                 TIMEOUT, wr_ptr, NWR, nload, x_ptr, NVEC, y_cnt);
        fail("TIMEOUT");
      end
    end
  end

  // ---------------------------------------------------------------- drive on the falling edge
  reg [M:0] wel;
  integer x_i;

  // Write order: a seeded random permutation of the C*N element beats and the C Sw beats,
  // drawn afresh for each weight set.
  integer perm [0:C*N+C-1];
  integer pj, pt;
  task shuffle_writes;
    begin
      for (pj = 0; pj < NWR; pj = pj + 1) perm[pj] = pj;
      for (pj = NWR - 1; pj > 0; pj = pj - 1) begin
        pt = $unsigned($random(seed)) % (pj + 1);
        r = perm[pj]; perm[pj] = perm[pt]; perm[pt] = r;
      end
    end
  endtask

  task present_write;
    input integer set;
    input integer p;
    begin
      wr_valid = 1'b1;
      wr_data = $random(seed);            // junk in the bits the beat does not use
      if (perm[p] < C * N) begin
        w_c = perm[p] / N;
        w_i = perm[p] % N;
        wel = set ? wmem2[w_c*N + w_i] : wmem[w_c*N + w_i];
        wr_sum = 1'b0;
        wr_channel = w_c;
        wr_index = w_i;
        wr_data[M:0] = wel;
      end else begin
        w_c = perm[p] - C * N;
        wr_sum = 1'b1;
        wr_channel = w_c;
        wr_index = $random(seed);          // don't care for a Sw beat
        wr_data[SW_W-1:0] = set ? swmem2[w_c] : swmem[w_c];
      end
    end
  endtask

  task idle_write;
    begin
      wr_valid = 1'b0;
      wr_sum = $random(seed);
      wr_channel = $random(seed);
      wr_index = $random(seed);
      wr_data = $random(seed);
    end
  endtask

  task present_x;
    input integer v;
    begin
      x_valid = 1'b1;
      for (x_i = 0; x_i < N; x_i = x_i + 1)
        x_data[x_i*(NB+1) +: NB+1] = xmem[v*N + x_i];
`ifdef DROPOUT
      {x_dst, x_src, x_op, x_mask} = bmem[v];
`endif
    end
  endtask

  task idle_x;
    begin
      x_valid = 1'b0;
      for (x_i = 0; x_i < XW; x_i = x_i + 32)
        x_data[x_i +: 32] = $random(seed);   // iverilog clips the out-of-range tail
`ifdef DROPOUT
      for (x_i = 0; x_i < N; x_i = x_i + 32)
        x_mask[x_i +: 32] = $random(seed);
      {x_dst, x_src, x_op} = $random(seed);
`endif
    end
  endtask

  initial begin
    shuffle_writes;
    idle_write;
    idle_x;
  end

  always @(negedge clk) begin
    if (rst_n === 1'b1 && !finished) begin
      // ---- writes
      if (wr_fired) begin
        wr_fired = 0;
        idle_write;
        if (wr_ptr == NWR) begin wr_ptr = 0; shuffle_writes; end   // load nload-1 complete
      end
      if (!wr_valid && (nload == 0 || (DO_RELOAD && x_ptr >= nload * RL && nload * RL < NVEC))) begin
        if (urand(0) >= GAP_PCT) present_write(nload % 2, wr_ptr);
      end
      // ---- vectors
      if (x_fired) begin
        x_fired = 0;
        idle_x;
      end
      if (!x_valid && nload > 0 && x_ptr < NVEC && (!DO_RELOAD || x_ptr < nload * RL)) begin
        if (x_ptr < NT) present_x(x_ptr);     // timing phase: back to back
        else if (urand(0) >= GAP_PCT) present_x(x_ptr);
      end
      // ---- results
      if (y_cnt < NT) y_ready = 1'b1;         // timing phase: no back-pressure
      else y_ready = (urand(0) >= YREADY_LOW_PCT);
      if (y_cnt >= NVEC) y_ready = 1'b1;
    end else if (rst_n !== 1'b1) begin
      y_ready = 1'b0;
    end
  end

  // ---------------------------------------------------------------- end of test
  integer drain_cnt;
  initial begin
    drain_cnt = 0;
    wait (y_cnt >= NVEC);
    // a few more cycles with y_ready high: nothing more may come out
    repeat (DRAIN) @(posedge clk);
    finished = 1;
    $fclose(fd);
    // timing report
    if (NT > 0) begin
      lat = y_edge[0] - x_edge[0];
      $display("tb_top: latency %0d cycles (x beat edge %0d -> y transfer edge %0d), expected %0d",
               lat, x_edge[0], y_edge[0], EXP_LAT);
      if (EXP_LAT >= 0 && lat != EXP_LAT) begin
        $display("tb_top: TIMING: latency %0d, manifest says %0d", lat, EXP_LAT);
        errors = errors + 1;
      end
      for (k = 1; k < NT; k = k + 1) begin
        $display("tb_top: vector %0d: x beat interval %0d, y interval %0d, latency %0d (expected II %0d)",
                 k, x_edge[k] - x_edge[k-1], y_edge[k] - y_edge[k-1], y_edge[k] - x_edge[k], EXP_II);
        if (EXP_II >= 0 && (x_edge[k] - x_edge[k-1] != EXP_II || y_edge[k] - y_edge[k-1] != EXP_II)) begin
          $display("tb_top: TIMING: interval between vectors %0d and %0d is %0d (x) / %0d (y), manifest II %0d",
                   k - 1, k, x_edge[k] - x_edge[k-1], y_edge[k] - y_edge[k-1], EXP_II);
          errors = errors + 1;
        end
      end
    end
    if (errors != 0) $fatal(1, "tb_top: FAIL (%0d timing errors)", errors);
    $display("tb_top: DONE %0d vectors, %0d results, %0d cycles", NVEC, y_cnt, cyc);
    $finish;
  end
endmodule
