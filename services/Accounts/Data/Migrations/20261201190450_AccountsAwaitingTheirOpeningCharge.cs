using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Accounts.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountsAwaitingTheirOpeningCharge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaits_opening_charge",
                table: "accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // Accounts waiting for their opening charge today, and paid accounts whose first charge failed (never paid).
            migrationBuilder.Sql("UPDATE accounts SET awaits_opening_charge = true WHERE status = 'Pending' OR (status = 'PaymentFailed' AND current_period_end IS NULL);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "awaits_opening_charge",
                table: "accounts");
        }
    }
}
