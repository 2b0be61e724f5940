namespace Aufsicht.Data;

/// <summary>
/// A counter per campaign that moves whenever anything its dashboard shows changes: an evaluation (with its service
/// verdicts), a submitted version, a message in the outbox, a service named in free text, a target, or the name, kind
/// or region of a target body. Database triggers move it in the same transaction as the change, whoever writes (this instance,
/// another one on the same PostgreSQL, a CLI verb), so a figure cached under a stamp is exact while the stamp stands.
/// </summary>
public sealed class CampaignStampRecord
{
    public long CampaignId { get; set; }

    public long Stamp { get; set; }
}

/// <summary>The triggers behind <see cref="CampaignStampRecord"/>, one script per provider, run by the migrations.</summary>
public static class CampaignStampTriggers
{
    /// <summary>
    /// The tables whose rows carry a "CampaignId" and feed the dashboard. Not evaluation_services: its rows are only
    /// ever written with their body's evaluation, in the same transaction, so the evaluations' trigger covers them
    /// (and a re-evaluation of 25,000 bodies runs half as many triggers). Not responses: a draft saved changes no figure;
    /// a submission adds a row to response_versions, which has a trigger of its own.
    /// </summary>
    private static readonly string[] Tables = ["evaluations", "outbox", "other_services", "campaign_bodies"];

    private const string BodyColumnsChanged = """OLD."Name" IS NOT NEW."Name" OR OLD."Kind" IS NOT NEW."Kind" OR OLD."Region" IS NOT NEW."Region" """;

    private const string VersionCampaign = """(SELECT "CampaignId" FROM responses WHERE "Id" = NEW."ResponseId")""";

    /// <summary>
    /// SQLite: row triggers that run at once, each a single UPDATE of the campaign's row (created with the campaign).
    /// SQLite lets one writer in at a time, so the counter row cannot make writers wait for each other in a cycle.
    /// </summary>
    public static string Sqlite()
    {
        static string Bump(string campaign) => $"""UPDATE campaign_stamps SET "Stamp" = "Stamp" + 1 WHERE "CampaignId" = {campaign};""";
        var script = new System.Text.StringBuilder("""
            INSERT INTO campaign_stamps ("CampaignId", "Stamp") SELECT "Id", 0 FROM campaigns;
            CREATE TRIGGER stamp_campaigns_insert AFTER INSERT ON campaigns BEGIN INSERT OR IGNORE INTO campaign_stamps ("CampaignId", "Stamp") VALUES (NEW."Id", 0); END;

            """);
        foreach (var table in Tables)
        {
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_insert AFTER INSERT ON {table} WHEN NEW.\"CampaignId\" IS NOT NULL BEGIN {Bump("NEW.\"CampaignId\"")} END;");
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_update AFTER UPDATE ON {table} BEGIN {Bump("NEW.\"CampaignId\"")} {Bump("OLD.\"CampaignId\" AND OLD.\"CampaignId\" IS NOT NEW.\"CampaignId\"")} END;");
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_{table}_delete AFTER DELETE ON {table} WHEN OLD.\"CampaignId\" IS NOT NULL BEGIN {Bump("OLD.\"CampaignId\"")} END;");
        }

        script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"CREATE TRIGGER stamp_response_versions_insert AFTER INSERT ON response_versions BEGIN {Bump(VersionCampaign)} END;");
        script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"""
            CREATE TRIGGER stamp_bodies_update AFTER UPDATE ON bodies WHEN {BodyColumnsChanged}
            BEGIN
              UPDATE campaign_stamps SET "Stamp" = "Stamp" + 1 WHERE "CampaignId" IN (SELECT "CampaignId" FROM campaign_bodies WHERE "BodyId" = NEW."Id");
            END;
            """);
        return script.ToString();
    }

    /// <summary>
    /// PostgreSQL: constraint triggers deferred to the commit, so the counter row is the last lock a transaction takes
    /// (it never holds it while waiting for another row: no deadlock), and bumped once per campaign and transaction.
    /// </summary>
    public static string Postgres()
    {
        var script = new System.Text.StringBuilder("""
            CREATE FUNCTION aufsicht_stamp_campaign(campaign bigint) RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
              IF campaign IS NULL OR current_setting('aufsicht.stamped_' || campaign, true) = '1' THEN RETURN; END IF;
              PERFORM set_config('aufsicht.stamped_' || campaign, '1', true);
              INSERT INTO campaign_stamps ("CampaignId", "Stamp") VALUES (campaign, 1)
              ON CONFLICT ("CampaignId") DO UPDATE SET "Stamp" = campaign_stamps."Stamp" + 1;
            END $$;
            CREATE FUNCTION aufsicht_stamp_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP <> 'INSERT' THEN PERFORM aufsicht_stamp_campaign(OLD."CampaignId"); END IF;
              IF TG_OP <> 'DELETE' THEN PERFORM aufsicht_stamp_campaign(NEW."CampaignId"); END IF;
              RETURN NULL;
            END $$;
            CREATE FUNCTION aufsicht_stamp_version() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM aufsicht_stamp_campaign(r."CampaignId") FROM responses r WHERE r."Id" = NEW."ResponseId";
              RETURN NULL;
            END $$;
            CREATE FUNCTION aufsicht_stamp_body() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              PERFORM aufsicht_stamp_campaign(t."CampaignId") FROM campaign_bodies t WHERE t."BodyId" = NEW."Id";
              RETURN NULL;
            END $$;

            """);
        foreach (var table in Tables)
        {
            script.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"CREATE CONSTRAINT TRIGGER stamp_{table} AFTER INSERT OR UPDATE OR DELETE ON {table} DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION aufsicht_stamp_row();");
        }

        script.AppendLine("CREATE CONSTRAINT TRIGGER stamp_response_versions AFTER INSERT ON response_versions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION aufsicht_stamp_version();");
        script.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
            $"CREATE CONSTRAINT TRIGGER stamp_bodies AFTER UPDATE ON bodies DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ({BodyColumnsChanged.Replace("IS NOT", "IS DISTINCT FROM", StringComparison.Ordinal)}) EXECUTE FUNCTION aufsicht_stamp_body();");
        return script.ToString();
    }

    /// <summary>Undoes either script (the migrations' Down).</summary>
    public static string Drop(bool postgres)
    {
        var script = new System.Text.StringBuilder();
        foreach (var table in Tables)
        {
            if (postgres)
            {
                script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS stamp_{table} ON {table};");
            }
            else
            {
                foreach (var op in (string[])["insert", "update", "delete"])
                {
                    script.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"DROP TRIGGER IF EXISTS stamp_{table}_{op};");
                }
            }
        }

        script.AppendLine(postgres
            ? "DROP TRIGGER IF EXISTS stamp_bodies ON bodies; DROP TRIGGER IF EXISTS stamp_response_versions ON response_versions;"
            : "DROP TRIGGER IF EXISTS stamp_bodies_update; DROP TRIGGER IF EXISTS stamp_response_versions_insert; DROP TRIGGER IF EXISTS stamp_campaigns_insert;");
        if (postgres)
        {
            script.AppendLine("DROP FUNCTION IF EXISTS aufsicht_stamp_body(); DROP FUNCTION IF EXISTS aufsicht_stamp_version(); DROP FUNCTION IF EXISTS aufsicht_stamp_row(); DROP FUNCTION IF EXISTS aufsicht_stamp_campaign(bigint);");
        }

        return script.ToString();
    }
}
