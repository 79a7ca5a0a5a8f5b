using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class UnmatchedChargeRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "provider_refund_id",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "refund_amount",
                table: "payments",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "refund_failure_code",
                table: "payments",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_settled_at",
                table: "payments",
                type: "timestamp with time zone",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "provider_refund_id",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "refund_amount",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "refund_failure_code",
                table: "payments");

            migrationBuilder.DropColumn(
                name: "refund_settled_at",
                table: "payments");
        }
    }
}
