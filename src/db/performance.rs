//! KPI definitions and values, and expert panels with their ranks.

use super::{
    now,
    organisations::Organisation,
    schema::{clients, kpi_values, kpis, panel_ranks, panels},
    AnyConnection,
};
use crate::domain::performance::{Direction, KpiKind};
use diesel::prelude::*;
use std::collections::HashMap;

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = kpis)]
pub struct Kpi {
    pub id: i32,
    #[serde(skip)]
    pub organisation_id: i32,
    pub name: String,
    pub unit: String,
    /// `higher` or `lower` is better.
    #[schema(value_type = String)]
    pub direction: Direction,
    /// `financial` or `behaviour`.
    #[schema(value_type = String)]
    pub kind: KpiKind,
    pub created_at: chrono::NaiveDateTime,
}

impl Kpi {
    pub fn direction(&self) -> Direction {
        self.direction
    }

    pub fn create(
        conn: &mut AnyConnection,
        organisation_id: i32,
        name: &str,
        unit: &str,
        direction: Direction,
        kind: KpiKind,
    ) -> QueryResult<Kpi> {
        diesel::insert_into(kpis::table)
            .values((
                kpis::organisation_id.eq(organisation_id),
                kpis::name.eq(name),
                kpis::unit.eq(unit),
                kpis::direction.eq(direction.as_str()),
                kpis::kind.eq(kind.as_str()),
                kpis::created_at.eq(now()),
            ))
            .returning(kpis::all_columns)
            .get_result::<Kpi>(conn)
    }

    pub fn list_in(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Vec<Kpi>> {
        kpis::table
            .filter(kpis::organisation_id.eq(organisation_id))
            .order(kpis::id)
            .select(Kpi::as_select())
            .load(conn)
    }
}

/// One KPI value of one client for one period.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, utoipa::ToSchema)]
pub struct KpiValue {
    pub kpi_id: i32,
    pub client_id: i32,
    pub period: String,
    pub value: f64,
}

/// One KPI value of a given period.
#[derive(Debug, Clone, Copy, PartialEq, Queryable)]
pub struct PeriodValue {
    pub kpi_id: i32,
    pub client_id: i32,
    pub value: f64,
}

impl KpiValue {
    /// Sets the organisation's values, each replacing the one of the same
    /// KPI, client and period. The caller has checked that the KPIs and
    /// clients are the organisation's.
    pub fn set_all(
        conn: &mut AnyConnection,
        organisation_id: i32,
        values: &[KpiValue],
    ) -> QueryResult<()> {
        for v in values {
            Self::upsert(conn, v)?;
        }
        Organisation::performance_changed(conn, organisation_id)
    }

    fn upsert(conn: &mut AnyConnection, v: &KpiValue) -> QueryResult<()> {
        let changed = diesel::update(
            kpi_values::table
                .filter(kpi_values::kpi_id.eq(v.kpi_id))
                .filter(kpi_values::client_id.eq(v.client_id))
                .filter(kpi_values::period.eq(&v.period)),
        )
        .set(kpi_values::value.eq(v.value))
        .execute(conn)?;
        if changed == 0 {
            diesel::insert_into(kpi_values::table)
                .values((
                    kpi_values::kpi_id.eq(v.kpi_id),
                    kpi_values::client_id.eq(v.client_id),
                    kpi_values::period.eq(&v.period),
                    kpi_values::value.eq(v.value),
                ))
                .execute(conn)?;
        }
        Ok(())
    }

    /// Every value of one client: (KPI name, period, value).
    pub fn of_client(
        conn: &mut AnyConnection,
        client_id: i32,
    ) -> QueryResult<Vec<(String, String, f64)>> {
        kpi_values::table
            .inner_join(kpis::table)
            .filter(kpi_values::client_id.eq(client_id))
            .order((kpis::name, kpi_values::period))
            .select((kpis::name, kpi_values::period, kpi_values::value))
            .load(conn)
    }

    /// The organisation's values for a period, by KPI and client. The
    /// period is the one asked for, so it is not read again for each of
    /// the tens of thousands of values a study reads.
    pub fn for_period(
        conn: &mut AnyConnection,
        organisation_id: i32,
        period: &str,
    ) -> QueryResult<Vec<PeriodValue>> {
        kpi_values::table
            .inner_join(kpis::table)
            .filter(kpis::organisation_id.eq(organisation_id))
            .filter(kpi_values::period.eq(period))
            .select((kpi_values::kpi_id, kpi_values::client_id, kpi_values::value))
            .order((kpi_values::kpi_id, kpi_values::client_id))
            .load(conn)
    }

    /// The periods with values, newest last.
    pub fn periods(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Vec<String>> {
        kpi_values::table
            .inner_join(kpis::table)
            .filter(kpis::organisation_id.eq(organisation_id))
            .select(kpi_values::period)
            .distinct()
            .order(kpi_values::period)
            .load(conn)
    }
}

#[derive(Debug, Clone, Queryable, Selectable, serde::Serialize, utoipa::ToSchema)]
#[diesel(table_name = panels)]
pub struct Panel {
    pub id: i32,
    #[serde(skip)]
    pub organisation_id: i32,
    pub name: String,
    pub period: String,
    pub created_at: chrono::NaiveDateTime,
}

impl Panel {
    pub fn create(
        conn: &mut AnyConnection,
        organisation_id: i32,
        name: &str,
        period: &str,
    ) -> QueryResult<Panel> {
        let panel = diesel::insert_into(panels::table)
            .values((
                panels::organisation_id.eq(organisation_id),
                panels::name.eq(name),
                panels::period.eq(period),
                panels::created_at.eq(now()),
            ))
            .returning(panels::all_columns)
            .get_result::<Panel>(conn)?;
        Organisation::performance_changed(conn, organisation_id)?;
        Ok(panel)
    }

    pub fn find_in(
        conn: &mut AnyConnection,
        organisation_id: i32,
        id: i32,
    ) -> QueryResult<Option<Panel>> {
        panels::table
            .find(id)
            .filter(panels::organisation_id.eq(organisation_id))
            .select(Panel::as_select())
            .first(conn)
            .optional()
    }

    pub fn find_by_name(
        conn: &mut AnyConnection,
        organisation_id: i32,
        name: &str,
        period: &str,
    ) -> QueryResult<Option<Panel>> {
        panels::table
            .filter(panels::organisation_id.eq(organisation_id))
            .filter(panels::name.eq(name))
            .filter(panels::period.eq(period))
            .select(Panel::as_select())
            .first(conn)
            .optional()
    }

    pub fn list_in(conn: &mut AnyConnection, organisation_id: i32) -> QueryResult<Vec<Panel>> {
        panels::table
            .filter(panels::organisation_id.eq(organisation_id))
            .order((panels::period, panels::id))
            .select(Panel::as_select())
            .load(conn)
    }

    /// Replaces the panel's ranks (client id → rank, 1 = best).
    pub fn set_ranks(
        conn: &mut AnyConnection,
        panel: &Panel,
        ranks: &[(i32, f64)],
    ) -> QueryResult<()> {
        let panel_id = panel.id;
        diesel::delete(panel_ranks::table.filter(panel_ranks::panel_id.eq(panel_id)))
            .execute(conn)?;
        for (client_id, rank) in ranks {
            diesel::insert_into(panel_ranks::table)
                .values((
                    panel_ranks::panel_id.eq(panel_id),
                    panel_ranks::client_id.eq(client_id),
                    panel_ranks::rank.eq(rank),
                ))
                .execute(conn)?;
        }
        Organisation::performance_changed(conn, panel.organisation_id)
    }

    /// Every rank one client was given: (panel name, period, rank).
    pub fn ranks_of_client(
        conn: &mut AnyConnection,
        client_id: i32,
    ) -> QueryResult<Vec<(String, String, f64)>> {
        panel_ranks::table
            .inner_join(panels::table)
            .filter(panel_ranks::client_id.eq(client_id))
            .order((panels::period, panels::name))
            .select((panels::name, panels::period, panel_ranks::rank))
            .load(conn)
    }

    /// The ranks of every panel of a period: one map (client → rank) per panel.
    pub fn ranks_for_period(
        conn: &mut AnyConnection,
        organisation_id: i32,
        period: &str,
    ) -> QueryResult<Vec<(Panel, HashMap<i32, f64>)>> {
        let panels: Vec<Panel> = panels::table
            .filter(panels::organisation_id.eq(organisation_id))
            .filter(panels::period.eq(period))
            .order(panels::id)
            .select(Panel::as_select())
            .load(conn)?;
        let ids: Vec<i32> = panels.iter().map(|p| p.id).collect();
        let rows: Vec<(i32, i32, f64)> = panel_ranks::table
            .filter(panel_ranks::panel_id.eq_any(&ids))
            .select((
                panel_ranks::panel_id,
                panel_ranks::client_id,
                panel_ranks::rank,
            ))
            .load(conn)?;
        let mut by_panel: HashMap<i32, HashMap<i32, f64>> = HashMap::new();
        for (panel, client, rank) in rows {
            by_panel.entry(panel).or_default().insert(client, rank);
        }
        Ok(panels
            .into_iter()
            .map(|p| {
                let ranks = by_panel.remove(&p.id).unwrap_or_default();
                (p, ranks)
            })
            .collect())
    }
}

/// Client ids of the organisation by name, for importing files that name clients.
pub fn client_ids_by_name(
    conn: &mut AnyConnection,
    organisation_id: i32,
) -> QueryResult<HashMap<String, i32>> {
    let rows: Vec<(String, i32)> = clients::table
        .filter(clients::organisation_id.eq(organisation_id))
        .select((clients::name, clients::id))
        .load(conn)?;
    Ok(rows.into_iter().collect())
}
