using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PelaksanaAsData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Positions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BidangId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Positions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Positions_Bidang_BidangId",
                        column: x => x.BidangId,
                        principalTable: "Bidang",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });



            migrationBuilder.CreateIndex(
                name: "IX_Positions_BidangId",
                table: "Positions",
                column: "BidangId");



            migrationBuilder.CreateIndex(
                name: "IX_Positions_Name_BidangId",
                table: "Positions",
                columns: new[] { "Name", "BidangId" },
                unique: true);



            migrationBuilder.AddColumn<int>(
                name: "PositionId",
                table: "Substitutions",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);



            migrationBuilder.AddColumn<int>(
                name: "Pelaksana",
                table: "SopSteps",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);



            migrationBuilder.AddColumn<string>(
                name: "PelaksanaJson",
                table: "SopDefinitions",
                type: "TEXT",
                nullable: false,
                defaultValue: "");



            migrationBuilder.AddColumn<int>(
                name: "PositionId",
                table: "AspNetUsers",
                type: "INTEGER",
                nullable: true);



            // The three fixed SOP roles become data: each person's role becomes a position named by their jabatan,
            // the SOP's steps name their pelaksana column, acting officials stand in for the principal's position.
            const string roleName = "CASE r.Name WHEN 'PejabatFungsional' THEN 'Pejabat Fungsional' WHEN 'KepalaBidang' THEN 'Kepala Bidang' ELSE 'Kepala Dinas' END";
            const string level = "CASE r.Name WHEN 'PejabatFungsional' THEN 'Staf' WHEN 'KepalaBidang' THEN 'KepalaBidang' ELSE 'KepalaDinas' END";
            const string scope = "CASE r.Name WHEN 'KepalaDinas' THEN NULL ELSE u.BidangId END";
            const string holders = "FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId " +
                "WHERE r.Name IN ('PejabatFungsional', 'KepalaBidang', 'KepalaDinas')";
            const string positionName = "COALESCE(NULLIF(TRIM(u.Jabatan), ''), " + roleName + ")";

            migrationBuilder.Sql($"INSERT INTO Positions (Name, Level, BidangId) SELECT DISTINCT {positionName}, {level}, {scope} {holders};");

            migrationBuilder.Sql(
                $"UPDATE AspNetUsers SET PositionId = (SELECT p.Id FROM Positions p JOIN AspNetUsers u ON u.Id = AspNetUsers.Id " +
                $"JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId " +
                $"WHERE r.Name IN ('PejabatFungsional', 'KepalaBidang', 'KepalaDinas') AND p.Name = {positionName} AND p.Level = {level} " +
                $"AND p.BidangId IS {scope} LIMIT 1);");

            migrationBuilder.Sql("UPDATE SopSteps SET Pelaksana = CASE Role WHEN 'PejabatFungsional' THEN 0 WHEN 'KepalaBidang' THEN 1 ELSE 2 END;");

            migrationBuilder.Sql(
                "UPDATE SopDefinitions SET PelaksanaJson = '[{\"name\": \"Pejabat Fungsional\", \"level\": \"Staf\"}, " +
                "{\"name\": \"Kepala Bidang\", \"level\": \"KepalaBidang\"}, {\"name\": \"Kepala Dinas\", \"level\": \"KepalaDinas\"}]';");

            migrationBuilder.Sql("UPDATE Substitutions SET PositionId = (SELECT u.PositionId FROM AspNetUsers u WHERE u.Id = Substitutions.PrincipalId);");

            migrationBuilder.Sql("DELETE FROM Substitutions WHERE PositionId IS NULL;");

            migrationBuilder.Sql("DELETE FROM AspNetUserRoles WHERE RoleId IN (SELECT Id FROM AspNetRoles WHERE Name IN ('PejabatFungsional', 'KepalaBidang', 'KepalaDinas'));");

            migrationBuilder.Sql("DELETE FROM AspNetRoles WHERE Name IN ('PejabatFungsional', 'KepalaBidang', 'KepalaDinas');");

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            throw new NotSupportedException("The SOP roles became positions; restore the backup taken before this upgrade to go back.");
        }
    }
}
