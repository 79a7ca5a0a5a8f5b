using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartnerSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "status",
                table: "partners",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "active");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "partners",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_partners_status_id",
                table: "partners",
                columns: new[] { "status", "id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_partners_status_id",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "status",
                table: "partners");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "partners");
        }
    }
}
