{{BANNER}}
`default_nettype none

// One H-tree link in one direction: STAGES register stages standing for wire delay (0: a
// wire). The CTRL low bits are valid/go flags and are reset; the data bits are not.
module {{NAME}}_link #(
  parameter integer W      = 2,           // payload bits, CTRL flags in the low bits
  parameter integer CTRL   = 1,           // reset flag bits, 1..W-1
  parameter integer STAGES = {{STAGES}}   // register stages, htree.link_stages
) (
  input  wire         clk,
  input  wire         rst_n,
  input  wire [W-1:0] d,
  output wire [W-1:0] q
);
  genvar i;
  generate
    if (STAGES == 0) begin : g_wire
      wire unused_clk = clk ^ rst_n;  // no registers in this configuration
      assign q = d;
    end else begin : g_regs
      for (i = 0; i < STAGES; i = i + 1) begin : g_stage
        reg  [CTRL-1:0]   flags;
        reg  [W-CTRL-1:0] data;
        wire [W-1:0]      in;
        if (i == 0) begin : g_first
          assign in = d;
        end else begin : g_next
          assign in = {g_stage[i-1].data, g_stage[i-1].flags};
        end
        always @(posedge clk or negedge rst_n) begin
          if (!rst_n) flags <= {CTRL{1'b0}};
          else flags <= in[CTRL-1:0];
        end
        always @(posedge clk) data <= in[W-1:CTRL];
      end
      assign q = {g_stage[STAGES-1].data, g_stage[STAGES-1].flags};
    end
  endgenerate
endmodule

`default_nettype wire
