using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class StripePaymentsAndCardRefunds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "card_refund",
                table: "credit_notes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "provider_refund_id",
                table: "credit_notes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refund_failure_code",
                table: "credit_notes",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "refund_settled_at",
                table: "credit_notes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "refunded_charge",
                table: "credit_notes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_credit_notes_issued_at",
                table: "credit_notes",
                column: "issued_at",
                filter: "card_refund > 0 AND refund_settled_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_credit_notes_issued_at",
                table: "credit_notes");

            migrationBuilder.DropColumn(
                name: "card_refund",
                table: "credit_notes");

            migrationBuilder.DropColumn(
                name: "provider_refund_id",
                table: "credit_notes");

            migrationBuilder.DropColumn(
                name: "refund_failure_code",
                table: "credit_notes");

            migrationBuilder.DropColumn(
                name: "refund_settled_at",
                table: "credit_notes");

            migrationBuilder.DropColumn(
                name: "refunded_charge",
                table: "credit_notes");
        }
    }
}
