using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Reseller.Billing.Data.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceLineText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // An invoice line's JSON (the lines column) gains its "Text"; no column changes.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Lines written with a "Text" keep it; older code ignores it.
        }
    }
}
