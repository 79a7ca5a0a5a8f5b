using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Partners.Data.Migrations
{
    /// <inheritdoc />
    public partial class PayoutReceiver : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "payout_receiver",
                table: "commission_statements",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "payout_receiver",
                table: "commission_statements");
        }
    }
}
