using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class PrepaidBuyersTransferOrderReferralCardOwners : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "awaiting_owner",
                table: "billing_profiles",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_transfer_at",
                table: "billed_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "prepaid_buyers",
                columns: table => new
                {
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    first_paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_prepaid_buyers", x => x.partner_id);
                });

            // Partners that already paid for a prepaid pack keep using their credit.
            migrationBuilder.Sql(Prepaid.PrepaidBuyer.FromPaidPacksSql);

            // Referral cards made before this change (a placeholder partner, no account) become their account's own card.
            migrationBuilder.Sql("""
                UPDATE billing_profiles p SET partner_id = a.partner_id, account_id = a.account_id
                FROM billed_accounts a
                WHERE a.billing_profile_id = p.id AND a.payer = 'customer' AND p.account_id IS NULL AND p.partner_id <> a.partner_id
                  AND NOT EXISTS (SELECT 1 FROM billed_accounts o WHERE o.partner_id = p.partner_id);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "prepaid_buyers");

            migrationBuilder.DropColumn(
                name: "awaiting_owner",
                table: "billing_profiles");

            migrationBuilder.DropColumn(
                name: "last_transfer_at",
                table: "billed_accounts");
        }
    }
}
