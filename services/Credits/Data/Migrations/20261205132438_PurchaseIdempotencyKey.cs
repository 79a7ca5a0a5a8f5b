using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Credits.Data.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseIdempotencyKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "credit_purchases",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ux_credit_purchases_idempotency_key",
                table: "credit_purchases",
                columns: new[] { "partner_id", "idempotency_key" },
                unique: true,
                filter: "idempotency_key IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ux_credit_purchases_idempotency_key",
                table: "credit_purchases");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "credit_purchases");
        }
    }
}
