using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountEventsCreditNotesCustomerCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "account_id",
                table: "billing_profiles",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "name",
                table: "billed_accounts",
                type: "character varying(63)",
                maxLength: 63,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "notification_email",
                table: "billed_accounts",
                type: "character varying(320)",
                maxLength: 320,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "partner_billing_profile_id",
                table: "billed_accounts",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "scheduled_plan",
                table: "billed_accounts",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "credit_notes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_credit_notes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_billing_profiles_account_id",
                table: "billing_profiles",
                column: "account_id",
                filter: "account_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_invoice_id",
                table: "credit_notes",
                column: "invoice_id");

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_number",
                table: "credit_notes",
                column: "number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "credit_notes");

            migrationBuilder.DropIndex(
                name: "ix_billing_profiles_account_id",
                table: "billing_profiles");

            migrationBuilder.DropColumn(
                name: "account_id",
                table: "billing_profiles");

            migrationBuilder.DropColumn(
                name: "name",
                table: "billed_accounts");

            migrationBuilder.DropColumn(
                name: "notification_email",
                table: "billed_accounts");

            migrationBuilder.DropColumn(
                name: "partner_billing_profile_id",
                table: "billed_accounts");

            migrationBuilder.DropColumn(
                name: "scheduled_plan",
                table: "billed_accounts");
        }
    }
}
