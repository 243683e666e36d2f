{{BANNER}}
`default_nettype none

// DIMA residual digital logic (DESIGN.md section 12). A task's result is y = code << d (the
// signed ADC code, modulo 2^Y_W); its rdl field decides what happens to slot dst:
//   none: slot = y; acc: slot = slot + y; threshold: slot = (y >= thr) ? 1 : 0;
//   max: the running maximum (value, channel) of the vector takes y if it is the first or
//        larger; slot dst = the maximum, slot dst+1 (when dst+1 < C) = its channel.
// `clear` (a vector accepted) zeroes the slots and forgets the maximum.
module {{NAME}}_dima_rdl #(
  parameter integer C    = {{C}},     // slots (y_data channels)
  parameter integer CH_W = {{CH_W}},  // channel and dst width
  parameter integer Y_W  = {{Y_W}},   // slot width
  parameter integer BITS = {{BITS}},  // ADC bits
  parameter integer D_W  = {{D_W}}    // d width
) (
  input  wire             clk,
  input  wire             clear,
  input  wire             en,       // last SAR step of a task: apply its result
  input  wire [BITS-1:0]  code_ob,  // ADC code, offset binary
  input  wire [1:0]       rdl,
  input  wire [CH_W-1:0]  channel,
  input  wire [D_W-1:0]   d,
  input  wire [CH_W-1:0]  dst,
  input  wire [Y_W-1:0]   thr,
  output wire [C*Y_W-1:0] y         // slot c at [c*Y_W +: Y_W]
);
  localparam [1:0] RDL_NONE = 2'd0, RDL_ACC = 2'd1, RDL_MAX = 2'd2;
  localparam integer ONE_I = 1;
  localparam [BITS-1:0] ONE_B = ONE_I[BITS-1:0];

  // ---- y = code << d, two's complement, Y_W bits ----
  wire [BITS-1:0] code = code_ob ^ (ONE_B << (BITS - 1));
  wire [Y_W-1:0]  code_y;
  generate
    if (BITS >= Y_W) begin : g_trunc
      assign code_y = code[Y_W-1:0];
      if (BITS > Y_W) begin : g_unused
        wire unused_code = ^code[BITS-1:Y_W];
      end
    end else begin : g_sext
      assign code_y = {{(Y_W-BITS){code[BITS-1]}}, code};
    end
  endgenerate
  wire [Y_W-1:0] yv = code_y << d;

  // ---- running maximum and its channel ----
  reg            max_valid_reg;
  reg [Y_W-1:0]  max_v_reg;
  reg [CH_W-1:0] max_i_reg;
  wire           take    = !max_valid_reg || $signed(yv) > $signed(max_v_reg);
  wire [Y_W-1:0] new_max = take ? yv : max_v_reg;
  wire [CH_W-1:0] new_idx = take ? channel : max_i_reg;
  wire [Y_W-1:0] idx_y;
  generate
    if (CH_W >= Y_W) begin : g_idx_trunc
      assign idx_y = new_idx[Y_W-1:0];
      if (CH_W > Y_W) begin : g_unused
        wire unused_idx = ^new_idx[CH_W-1:Y_W];
      end
    end else begin : g_idx_ext
      assign idx_y = {{(Y_W-CH_W){1'b0}}, new_idx};
    end
  endgenerate

  always @(posedge clk) begin
    if (clear) begin
      max_valid_reg <= 1'b0;
    end else if (en && rdl == RDL_MAX) begin
      max_valid_reg <= 1'b1;
      max_v_reg     <= new_max;
      max_i_reg     <= new_idx;
    end
  end

  // ---- the slot at dst, and the value written into it ----
  reg [Y_W-1:0] cur, val;
  integer i;
  always @* begin
    cur = y[0 +: Y_W];
    for (i = 1; i < C; i = i + 1)
      if (dst == i[CH_W-1:0]) cur = y[i*Y_W +: Y_W];
    case (rdl)
      RDL_NONE: val = yv;
      RDL_ACC:  val = cur + yv;
      RDL_MAX:  val = new_max;
      default:  val = {{(Y_W-1){1'b0}}, $signed(yv) >= $signed(thr)};
    endcase
  end

  genvar c;
  generate
    for (c = 0; c < C; c = c + 1) begin : g_slot
      localparam integer    CID_I = c;
      localparam [CH_W-1:0] CID   = CID_I[CH_W-1:0];
      wire                  sel_idx;
      reg [Y_W-1:0]         slot_reg;
      if (c == 0) begin : g_first
        assign sel_idx = 1'b0;
      end else begin : g_next
        localparam integer    PID_I = c - 1;
        localparam [CH_W-1:0] PID   = PID_I[CH_W-1:0];
        assign sel_idx = rdl == RDL_MAX && dst == PID;
      end
      always @(posedge clk) begin
        if (clear) slot_reg <= {Y_W{1'b0}};
        else if (en && dst == CID) slot_reg <= val;
        else if (en && sel_idx) slot_reg <= idx_y;
      end
      assign y[c*Y_W +: Y_W] = slot_reg;
    end
  endgenerate
endmodule

`default_nettype wire
