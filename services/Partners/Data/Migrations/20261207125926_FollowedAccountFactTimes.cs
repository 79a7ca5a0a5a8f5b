using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class FollowedAccountFactTimes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.RenameColumn(
                name: "last_changed_at",
                table: "followed_accounts",
                newName: "status_changed_at");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "cadence_changed_at",
                table: "followed_accounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "partner_changed_at",
                table: "followed_accounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "payer_changed_at",
                table: "followed_accounts",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Every fact of a row followed so far was last set at the row's one time.
            migrationBuilder.Sql(
                "UPDATE followed_accounts SET cadence_changed_at = status_changed_at, partner_changed_at = status_changed_at, payer_changed_at = status_changed_at;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "cadence_changed_at",
                table: "followed_accounts");

            migrationBuilder.DropColumn(
                name: "partner_changed_at",
                table: "followed_accounts");

            migrationBuilder.DropColumn(
                name: "payer_changed_at",
                table: "followed_accounts");

            migrationBuilder.RenameColumn(
                name: "status_changed_at",
                table: "followed_accounts",
                newName: "last_changed_at");
        }
    }
}
