using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenewalIndexIgnoresVoided : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_invoices_account_id_period_start",
                table: "invoices");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_account_id_period_start",
                table: "invoices",
                columns: new[] { "account_id", "period_start" },
                unique: true,
                filter: "purpose IN ('first_period', 'renewal') AND status <> 'Void'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_invoices_account_id_period_start",
                table: "invoices");

            migrationBuilder.CreateIndex(
                name: "ix_invoices_account_id_period_start",
                table: "invoices",
                columns: new[] { "account_id", "period_start" },
                unique: true,
                filter: "purpose IN ('first_period', 'renewal')");
        }
    }
}
