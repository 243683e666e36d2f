{{BANNER}}
`default_nettype none

// Sense-amp / column-line gating shared by all channels: step(x_i) in weight-plane steps,
// x_i[k] in input-plane steps. Columns past N (padding of the last uArray) are never enabled.
module {{NAME}}_gating (
  input  wire [{{X_W}}-1:0]     x_data,   // element i at [i*{{EW}} +: {{EW}}] = {sign, mag}
  input  wire                   sel_step, // 1: gate by step(x), 0: gate by x[plane]
  input  wire [{{PL_W}}-1:0]  plane,
  output wire [{{PW}}-1:0]      col_en
);
  genvar i;
  generate
    for (i = 0; i < {{PW}}; i = i + 1) begin : g_col
      if (i < {{N}}) begin : g_used
        wire [{{EW}}-1:0] e = x_data[i*{{EW}} +: {{EW}}];
        assign col_en[i] = sel_step ? ~e[{{EW}}-1] : e[plane];
      end else begin : g_pad
        assign col_en[i] = 1'b0;
      end
    end
  endgenerate
endmodule

`default_nettype wire
