{% macro snapshot_by_business_key(staged, tracked) %}
    {#-
        The body of a release snapshot: one row per business key
        (`snapshot_key` = soscare_id:seq_no) of a staged module, with the
        tracked columns and `key_records` (records sharing the key). When
        several records share a key, the first by the tracked values is kept,
        so the choice depends only on the data. Records without soscare_id or
        seq_no are not tracked (see the `snapshot_business_key` doc block).
    -#}
    with

    staged as (

        select * from {{ staged }}

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
        from staged
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
{% endmacro %}
