using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SolveMilliseconds",
                table: "migration_plans",
                type: "integer",
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
