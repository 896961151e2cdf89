using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SeveralSops : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sop",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Slug = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    RecordKind = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sop", x => x.Id);
                });

            // Existing portals run one SOP, the innovation SOP: it becomes SOP 1 and owns every stored version.
            migrationBuilder.Sql(
                "INSERT INTO Sop (Id, Slug, Title, RecordKind, CreatedAt) " +
                "SELECT 1, 'inovasi-pelayanan', 'Inovasi Pelayanan', 'InovasiPelayanan', MIN(CreatedAt) FROM SopDefinitions " +
                "HAVING COUNT(*) > 0;");

            migrationBuilder.AddColumn<int>(
                name: "SopId",
                table: "SopDefinitions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.CreateIndex(
                name: "IX_SopDefinitions_SopId",
                table: "SopDefinitions",
                column: "SopId");

            migrationBuilder.CreateIndex(
                name: "IX_Sop_Slug",
                table: "Sop",
                column: "Slug",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_SopDefinitions_Sop_SopId",
                table: "SopDefinitions",
                column: "SopId",
                principalTable: "Sop",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SopDefinitions_Sop_SopId",
                table: "SopDefinitions");

            migrationBuilder.DropTable(
                name: "Sop");

            migrationBuilder.DropIndex(
                name: "IX_SopDefinitions_SopId",
                table: "SopDefinitions");

            migrationBuilder.DropColumn(
                name: "SopId",
                table: "SopDefinitions");
        }
    }
}
