using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Credits.Data.Migrations
{
    /// <inheritdoc />
    public partial class RenewalAndTransferOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "last_transfer_at",
                table: "credit_accounts",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "renewal_paid_at",
                table: "credit_accounts",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_transfer_at",
                table: "credit_accounts");

            migrationBuilder.DropColumn(
                name: "renewal_paid_at",
                table: "credit_accounts");
        }
    }
}
