{#-
    CP-IS status of children on given days, written once for the flags (the
    reference date), the alerts (arrival dates) and the summary (31 March).
-#}

{% macro cpis_status_on_days(periods, days) %}
    {#-
        One row per distinct (child_key, status_date) of `days` on which the
        child, aged under 18 that day (or of unknown age), has a CP
        registration or looked-after episode of `periods` open (start <= day <
        end; no end = open through the reference date). Returns child_key,
        status_date, flag_type (`CP`, `LAC`, `CP_LAC`), flag_start_date (the
        earliest start of the periods open that day), cp_start_date,
        lac_start_date, and the responsible period (the looked-after one when
        both; among several of a type, the latest started, then the greatest
        record_id): responsible_record_id, responsible_trust, responsible_team.

        periods: a relation with record_id, child_key, period_type (`CP` or
            `LAC`), start_date, end_date, trust, team, birth_year, birth_month
            (`int_cpis_protection_periods_listed`).
        days: a relation with child_key and status_date.
    -#}
    select
        child_key,
        status_date,
        case
            when has_cp = 1 and has_lac = 1 then 'CP_LAC'
            when has_lac = 1 then 'LAC'
            else 'CP'
        end as flag_type,
        flag_start_date,
        cp_start_date,
        lac_start_date,
        record_id as responsible_record_id,
        trust as responsible_trust,
        team as responsible_team
    from (
        select
            _cpis_days.child_key,
            _cpis_days.status_date,
            _cpis_periods.record_id,
            _cpis_periods.trust,
            _cpis_periods.team,
            max(case when _cpis_periods.period_type = 'CP' then 1 else 0 end)
                over (partition by _cpis_days.child_key, _cpis_days.status_date) as has_cp,
            max(case when _cpis_periods.period_type = 'LAC' then 1 else 0 end)
                over (partition by _cpis_days.child_key, _cpis_days.status_date) as has_lac,
            min(_cpis_periods.start_date)
                over (partition by _cpis_days.child_key, _cpis_days.status_date) as flag_start_date,
            min(case when _cpis_periods.period_type = 'CP' then _cpis_periods.start_date end)
                over (partition by _cpis_days.child_key, _cpis_days.status_date) as cp_start_date,
            min(case when _cpis_periods.period_type = 'LAC' then _cpis_periods.start_date end)
                over (partition by _cpis_days.child_key, _cpis_days.status_date) as lac_start_date,
            row_number() over (
                partition by _cpis_days.child_key, _cpis_days.status_date
                order by
                    case when _cpis_periods.period_type = 'LAC' then 0 else 1 end,
                    _cpis_periods.start_date desc,
                    _cpis_periods.record_id desc
            ) as responsible_rank
        from (
            select distinct
                child_key,
                status_date
            from {{ days }}
        ) as _cpis_days
        inner join {{ periods }} as _cpis_periods
            on
                _cpis_days.child_key = _cpis_periods.child_key
                and {{ is_open_on('_cpis_periods.start_date', '_cpis_periods.end_date', '_cpis_days.status_date') }}
        where
            _cpis_days.status_date <= {{ reference_date_literal() }}
            and coalesce(
                {{ age_on('_cpis_periods.birth_year', '_cpis_periods.birth_month', '_cpis_days.status_date') }} < 18,
                true
            )
    ) as _cpis_open_periods
    where responsible_rank = 1
{% endmacro %}
