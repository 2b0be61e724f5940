using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlanComputeDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ComputeErrorArgs",
                table: "migration_plans",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SolveMilliseconds",
                table: "migration_plans",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ComputeErrorArgs",
                table: "migration_plans");

            migrationBuilder.DropColumn(
                name: "SolveMilliseconds",
                table: "migration_plans");
        }
    }
}
