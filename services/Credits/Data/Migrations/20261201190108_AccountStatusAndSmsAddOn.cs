using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Credits.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccountStatusAndSmsAddOn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "sms_enabled",
                table: "credit_accounts",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "credit_accounts",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "status_changed_at",
                table: "credit_accounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // SMS followed the tier only until now: no account may use SMS until its add-ons and status are known again
            // (an unknown plan makes Credits ask Accounts on the account's next use).
            migrationBuilder.Sql("UPDATE credit_accounts SET sms_allowed = false, product = '', tier = '';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sms_enabled",
                table: "credit_accounts");

            migrationBuilder.DropColumn(
                name: "status",
                table: "credit_accounts");

            migrationBuilder.DropColumn(
                name: "status_changed_at",
                table: "credit_accounts");
        }
    }
}
