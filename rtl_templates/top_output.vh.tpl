  // ---- output register: holds one result until the y beat ----
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
{{UNUSED}}
