using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerProfileKeysUsersReferralsAndCommissions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "referral_code",
                table: "partners",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "partners",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "partner_users",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.CreateTable(
                name: "api_keys",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    prefix = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_api_keys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "commission_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    line_count = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    payout_reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    paid_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    closed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commission_statements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "earnings",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    invoice_id = table.Column<Guid>(type: "uuid", nullable: false),
                    invoice_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    credit_note_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    invoice_total = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character(3)", fixedLength: true, maxLength: 3, nullable: false),
                    month = table.Column<DateOnly>(type: "date", nullable: false),
                    earned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    statement_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_earnings", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "followed_accounts",
                columns: table => new
                {
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cadence = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payer = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_followed_accounts", x => x.account_id);
                });

            migrationBuilder.CreateTable(
                name: "partner_user_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    purpose = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_partner_user_tokens", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "referral_signups",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    partner_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_name = table.Column<string>(type: "character varying(63)", maxLength: 63, nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    signed_up_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_referral_signups", x => x.id);
                });

            // Partners created before referral links get a random code of their own before the code becomes unique.
            migrationBuilder.Sql("UPDATE partners SET referral_code = substr(md5(random()::text || id::text), 1, 12) WHERE referral_code = ''");

            migrationBuilder.CreateIndex(
                name: "ix_partners_referral_code",
                table: "partners",
                column: "referral_code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_hash",
                table: "api_keys",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_api_keys_partner_id",
                table: "api_keys",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_commission_statements_partner_id_month",
                table: "commission_statements",
                columns: new[] { "partner_id", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_earnings_credit_note_id",
                table: "earnings",
                column: "credit_note_id",
                unique: true,
                filter: "credit_note_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_earnings_invoice_id",
                table: "earnings",
                column: "invoice_id",
                unique: true,
                filter: "kind <> 'reversal'");

            migrationBuilder.CreateIndex(
                name: "ix_earnings_partner_id_month",
                table: "earnings",
                columns: new[] { "partner_id", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_earnings_statement_id",
                table: "earnings",
                column: "statement_id");

            migrationBuilder.CreateIndex(
                name: "ix_followed_accounts_partner_id",
                table: "followed_accounts",
                column: "partner_id");

            migrationBuilder.CreateIndex(
                name: "ix_partner_user_tokens_hash",
                table: "partner_user_tokens",
                column: "hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_partner_user_tokens_user_id",
                table: "partner_user_tokens",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_referral_signups_account_id",
                table: "referral_signups",
                column: "account_id",
                unique: true,
                filter: "account_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_referral_signups_partner_id_account_name",
                table: "referral_signups",
                columns: new[] { "partner_id", "account_name" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "api_keys");

            migrationBuilder.DropTable(
                name: "commission_statements");

            migrationBuilder.DropTable(
                name: "earnings");

            migrationBuilder.DropTable(
                name: "followed_accounts");

            migrationBuilder.DropTable(
                name: "partner_user_tokens");

            migrationBuilder.DropTable(
                name: "referral_signups");

            migrationBuilder.DropIndex(
                name: "ix_partners_referral_code",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "referral_code",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "xmin",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "status",
                table: "partner_users");
        }
    }
}
