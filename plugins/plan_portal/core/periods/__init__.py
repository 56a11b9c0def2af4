"""Deadlines and periods as Vietnamese plans write them, parsed into one model.

The package: :mod:`.vocabulary` (precisions, accepted forms), :mod:`.model` (:class:`Period`),
:mod:`.labels` (how a period is written back), :mod:`.atoms` and :mod:`.parser`
(:func:`parse_period`). Import the public names from ``plan_portal.core.periods``.

Real plans rarely give a plain date. They write "trước ngày 13/8/2021",
"Trong tháng 8, 9/2024", "Quý III- IV/2019", "Từ tháng 7/2024",
"Dự kiến tổ chức ½ ngày, từ 7h30' đến 11h00, ngày 29/10/2024" or
"Tháng 12/2013 và thường xuyên". :func:`parse_period` turns any of these (and the
ISO forms ``2024``, ``2024-09``, ``2024-Q3``, ``2024-09-15``, ``2024-09-15T07:30``,
``2024-03/2024-09``, ``2024-07/..``, ``../2024-07``, YAML dates, datetimes and int
years) into a :class:`Period`. It never raises: wording it cannot read gives a
period with a Vietnamese :attr:`Period.error` and the raw text kept for display.

Decisions worth knowing (each one is tested):

* Day/month order is Vietnamese: ``8/9/2024`` is 8 September, never August 9.
* The *leading* period wins: "Tháng 8/2020 Nhân dịp kỷ niệm … (28/8/1945-28/8/2020)"
  is August 2020; the dates in the trailing explanation are ignored. Words before
  the period ("Thời gian hoàn thành:", "Hồ sơ … xong", "Dự kiến") are ignored too,
  except the modifiers listed below.
* "trước X" is exclusive: "trước tháng 9/2024" ends 2024-08-31 and
  "trước ngày 13/8/2021" ends 2021-08-12. "chậm nhất X", "đến X", "hạn X" and
  "không muộn hơn X" are inclusive: "đến năm 2020" ends 2020-12-31. All of them
  set ``before`` (a deadline with an open start).
* "Từ X" without an end is open-ended and ``ongoing``; "X và thường xuyên" starts
  at X and stays open (``end`` None, ``ongoing``).
* Sub-month wording keeps MONTH precision with a narrower window: "Đầu tháng"
  (thượng tuần) = days 1–10, "Trung tuần"/"Giữa tháng" = 11–20, "Cuối tháng"
  (hạ tuần) = 21–end. Likewise "Đầu năm" = Jan–Mar, "Cuối năm" = Oct–Dec and
  "6 tháng đầu/cuối năm" = Jan–Jun / Jul–Dec at YEAR precision. The label shows
  the same words back, never a day.
* An interval's precision is the *coarser* of its two ends ("Từ ngày 15/3/2023
  đến tháng 10/2023" is labelled at month precision) so no precision is invented.
* "hàng/hằng tháng" and "hàng/hằng năm" are recurrences; "trước ngày 15 hàng
  tháng" has ``recurrence_day`` 15. A yearly recurrence with a day or month
  ("ngày 30/10 hằng năm") is anchored in ``default_year`` when one is given.
* ``default_year`` is only used for a period written without a year; a missing
  year at either end of a range is taken from the other end first.

The :attr:`Period.label` is computed from the dates and the precision; the original
wording is consulted only to choose the lead word of a deadline ("Trước",
"Chậm nhất" or "Đến") and to echo "thường xuyên" (or "Liên tục", "Hằng quý" …).

Status (:meth:`Period.status`): the task rules of :mod:`plan_portal.core.status`; a
period whose window contains today and whose end is further than ``soon_days`` away is
``"ongoing"`` (not ``"upcoming"``).
"""

from __future__ import annotations

from .model import Period
from .parser import parse_period
from .vocabulary import ACCEPTED_FORMS, STATUSES, Precision

__all__ = ["ACCEPTED_FORMS", "Precision", "Period", "STATUSES", "parse_period"]
