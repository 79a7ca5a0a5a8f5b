using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class StatementPayoutBatches : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "payout_batch_id",
                table: "commission_statements",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "payout_failure",
                table: "commission_statements",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "provider_batch_id",
                table: "commission_statements",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_commission_statements_payout_batch_id",
                table: "commission_statements",
                column: "payout_batch_id",
                filter: "payout_batch_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_commission_statements_payout_batch_id",
                table: "commission_statements");

            migrationBuilder.DropColumn(
                name: "payout_batch_id",
                table: "commission_statements");

            migrationBuilder.DropColumn(
                name: "payout_failure",
                table: "commission_statements");

            migrationBuilder.DropColumn(
                name: "provider_batch_id",
                table: "commission_statements");
        }
    }
}
