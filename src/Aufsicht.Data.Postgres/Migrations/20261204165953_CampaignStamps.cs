using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Aufsicht.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CampaignStamps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "campaign_stamps",
                columns: table => new
                {
                    CampaignId = table.Column<long>(type: "bigint", nullable: false),
                    Stamp = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_campaign_stamps", x => x.CampaignId);
                });

            // The dashboard's change counter moves with every change it shows (Aufsicht.Data.CampaignStamps.cs).
            migrationBuilder.Sql(Aufsicht.Data.CampaignStampTriggers.Postgres());
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Aufsicht.Data.CampaignStampTriggers.Drop(postgres: true));
            migrationBuilder.DropTable(
                name: "campaign_stamps");
        }
    }
}
