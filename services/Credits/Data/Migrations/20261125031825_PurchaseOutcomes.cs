using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Credits.Data.Migrations
{
    /// <inheritdoc />
    public partial class PurchaseOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "failed_at",
                table: "credit_purchases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "failure_code",
                table: "credit_purchases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "unmatched_invoice_failures",
                columns: table => new
                {
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    failure_code = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    failed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_unmatched_invoice_failures", x => x.invoice_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_credit_purchases_invoice_id",
                table: "credit_purchases",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_purchases_partner_id_status_id",
                table: "credit_purchases",
                columns: new[] { "partner_id", "status", "id" });

            // A purchase paid and credited was "Credited"; the API now calls it completed.
            migrationBuilder.Sql("UPDATE credit_purchases SET status = 'Completed' WHERE status = 'Credited'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE credit_purchases SET status = 'Credited' WHERE status = 'Completed'");
            migrationBuilder.Sql("UPDATE credit_purchases SET status = 'Pending' WHERE status = 'Failed'");

            migrationBuilder.DropTable(
                name: "unmatched_invoice_failures");

            migrationBuilder.DropIndex(
                name: "ix_credit_purchases_invoice_id",
                table: "credit_purchases");

            migrationBuilder.DropIndex(
                name: "ix_credit_purchases_partner_id_status_id",
                table: "credit_purchases");

            migrationBuilder.DropColumn(
                name: "failed_at",
                table: "credit_purchases");

            migrationBuilder.DropColumn(
                name: "failure_code",
                table: "credit_purchases");
        }
    }
}
