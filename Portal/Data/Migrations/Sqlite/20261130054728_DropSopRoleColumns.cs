using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DropSopRoleColumns : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Substitutions_PositionId",
                table: "Substitutions",
                column: "PositionId");



            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_PositionId",
                table: "AspNetUsers",
                column: "PositionId");



            migrationBuilder.DropColumn(
                name: "BidangId",
                table: "Substitutions");



            migrationBuilder.DropColumn(
                name: "Role",
                table: "Substitutions");



            migrationBuilder.DropColumn(
                name: "Role",
                table: "SopSteps");



            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Positions_PositionId",
                table: "AspNetUsers",
                column: "PositionId",
                principalTable: "Positions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);



            migrationBuilder.AddForeignKey(
                name: "FK_Substitutions_Positions_PositionId",
                table: "Substitutions",
                column: "PositionId",
                principalTable: "Positions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The SOP roles became positions; restore the backup taken before this upgrade to go back.");
        }
    }
}
