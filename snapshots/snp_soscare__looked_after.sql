{% snapshot snp_soscare__looked_after %}
{#-
    Looked-after episodes: SCD type 2 history across extract releases, one row per
    version of each record (an episode closed by a discharge, or a corrected placement gives a second version).
    Business key `snapshot_key` = soscare_id:seq_no (see the doc block
    `snapshot_business_key`); records without either are not tracked.
-#}
{%- set tracked = [
        'hcn',
        'hcn_issue',
        'team',
        'trust',
        'carer_code',
        'episode_start_date',
        'episode_start_date_issue',
        'reason_in_care',
        'legal_status',
        'placement_type',
        'discharge_date',
        'discharge_date_issue',
        'discharge_reason',
        'discharged_to',
        'placement_moves',
        'placement_moves_issue',
] -%}

{{
    config(
        unique_key='snapshot_key',
        strategy='check',
        check_cols=tracked + ['key_records'],
        hard_deletes='invalidate',
    )
}}

    with

    episodes as (

        select * from {{ ref('stg_soscare__looked_after') }}

    ),

    keyed as (

        select
            soscare_id || ':' || cast(seq_no as varchar) as snapshot_key,
            soscare_id,
            seq_no,
            {%- for column in tracked %}
                {{ column }},
            {%- endfor %}
            count(*) over (partition by soscare_id, seq_no) as key_records,
            row_number() over (
                partition by soscare_id, seq_no
                order by {{ tracked | join(', ') }}
            ) as key_rank
        from episodes
        where soscare_id is not null and seq_no is not null

    ),

    final as (

        select
            snapshot_key,
            soscare_id,
            seq_no,
            {%- for column in tracked %}
                {{ column }},
            {%- endfor %}
            key_records
        from keyed
        where key_rank = 1

    )

    select * from final

{% endsnapshot %}
