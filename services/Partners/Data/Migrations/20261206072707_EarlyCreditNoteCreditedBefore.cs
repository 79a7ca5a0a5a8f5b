using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class EarlyCreditNoteCreditedBefore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "credited_before",
                table: "early_credit_notes",
                type: "bigint",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "credited_before",
                table: "early_credit_notes");
        }
    }
}
